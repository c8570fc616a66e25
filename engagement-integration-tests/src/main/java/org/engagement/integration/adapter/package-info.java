/**
 * A channel adapter written the way an integrator would write one, outside the SDK: pipe-separated social
 * events, one per line.
 */
@NullMarked
package org.engagement.integration.adapter;

import org.jspecify.annotations.NullMarked;
