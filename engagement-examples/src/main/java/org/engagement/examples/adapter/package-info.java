/**
 * An example channel adapter written the way an integrator would write one:
 * {@link org.engagement.examples.adapter.SocialMentionsJsonLinesAdapter} reads a JSON-lines feed of
 * social-media mentions, registers through {@code META-INF/services}, and is checked by the contract
 * tests of {@code engagement-testkit}.
 */
@NullMarked
package org.engagement.examples.adapter;

import org.jspecify.annotations.NullMarked;
