/**
 * The consumer's program: a short tour through core, attribution, CLV and ROI, run by the integration tests
 * in a process of its own on the module path.
 */
@NullMarked
package org.engagement.integration;

import org.jspecify.annotations.NullMarked;
