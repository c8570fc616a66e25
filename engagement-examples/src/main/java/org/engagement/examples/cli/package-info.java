/** The {@code engagement} command-line tool. */
@NullMarked
package org.engagement.examples.cli;

import org.jspecify.annotations.NullMarked;
