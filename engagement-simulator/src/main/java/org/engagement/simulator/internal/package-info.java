/**
 * What the simulator's packages share and its API does not show: the CSV writer of the world files. Not exported
 * by the module.
 */
@NullMarked
package org.engagement.simulator.internal;

import org.jspecify.annotations.NullMarked;
