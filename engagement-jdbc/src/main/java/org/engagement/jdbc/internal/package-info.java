/** The JDBC source's implementation: the reader over a result set, value conversion by SQL type, failures. */
@NullMarked
package org.engagement.jdbc.internal;

import org.jspecify.annotations.NullMarked;
