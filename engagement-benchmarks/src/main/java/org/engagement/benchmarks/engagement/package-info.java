/** JMH benchmarks of engagement scoring. */
@NullMarked
package org.engagement.benchmarks.engagement;

import org.jspecify.annotations.NullMarked;
