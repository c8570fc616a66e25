/**
 * The marketing mix model's machinery: carry-over and saturation transforms, the penalised least-squares
 * objective, the bounded multi-start search, the residual bootstrap and the budget allocation. Not API.
 */
@NullMarked
package org.engagement.roi.mix.internal;

import org.jspecify.annotations.NullMarked;
