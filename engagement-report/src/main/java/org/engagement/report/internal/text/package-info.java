/**
 * The page's one number format (thousands separators, currency on amounts, percentages with one rule),
 * locale-free: every section and chart writes numbers through it, so the page never mixes formats.
 *
 * <p>Not exported: an implementation detail of {@code org.engagement.report}.
 */
@NullMarked
package org.engagement.report.internal.text;

import org.jspecify.annotations.NullMarked;
