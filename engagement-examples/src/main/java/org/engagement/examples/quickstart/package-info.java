/** The quick start: the few lines a CRM developer pastes to import interactions and ask first questions. */
@NullMarked
package org.engagement.examples.quickstart;

import org.jspecify.annotations.NullMarked;
