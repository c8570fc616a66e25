/**
 * Markov-chain attribution of order k with removal effects computed exactly from the absorbing chain
 * ({@link org.engagement.attribution.markov.MarkovModel}), its transition matrix
 * ({@link org.engagement.attribution.markov.MarkovChain}) and removal effects
 * ({@link org.engagement.attribution.markov.MarkovAnalysis}), provided to the registry as {@code markov} by
 * {@link org.engagement.attribution.markov.MarkovModelProvider}.
 */
@NullMarked
package org.engagement.attribution.markov;

import org.jspecify.annotations.NullMarked;
