/** Helpers shared by the attribution packages; not exported, not API. */
@NullMarked
package org.engagement.attribution.internal;

import org.jspecify.annotations.NullMarked;
