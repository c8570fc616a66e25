/** The {@code engagement} command-line tool. */
@NullMarked
package org.engagement.cli;

import org.jspecify.annotations.NullMarked;
