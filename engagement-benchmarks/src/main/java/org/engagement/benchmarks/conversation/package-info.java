/** JMH benchmarks of conversation metrics: key-message matching. */
@NullMarked
package org.engagement.benchmarks.conversation;

import org.jspecify.annotations.NullMarked;
