/**
 * Maximum-likelihood fitting for the customer-lifetime-value models: a model supplies its
 * {@link org.engagement.clv.internal.fit.LogLikelihood} (over whatever compressed data it uses) and
 * its {@link org.engagement.clv.internal.fit.Parameter}s; {@link
 * org.engagement.clv.internal.fit.MaximumLikelihood} maximises it on transformed (log or logit)
 * parameters with Hipparchus optimisers and returns a {@link org.engagement.clv.fit.FitResult}
 * with the convergence status and standard errors from the numerical Hessian.
 */
@NullMarked
package org.engagement.clv.fit;

import org.jspecify.annotations.NullMarked;
