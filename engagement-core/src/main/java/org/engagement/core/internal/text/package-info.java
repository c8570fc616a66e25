/**
 * Multi-pattern phrase matching over folded text, linear in the text length.
 *
 * <p>{@link org.engagement.core.internal.text.TextFolding} folds text (canonical decomposition,
 * combining marks dropped, case folded with {@link java.util.Locale#ROOT}, white-space runs collapsed)
 * one character at a time through a precomputed table, and
 * {@link org.engagement.core.internal.text.PhraseAutomaton} finds every phrase of a set in one pass
 * with an Aho–Corasick automaton, keeping whole-word matches only.
 *
 * <p><b>Why not a library.</b> The maintained Java implementation, {@code org.ahocorasick:ahocorasick}
 * (robert-bor), folds case with {@link Character#toLowerCase(char)} but not accents, would need the text
 * normalised into a new string first (losing the link between positions), keeps its goto function in a
 * {@code Map<Character, State>} per state (boxing on every character) and allocates an {@code Emit}
 * object per match. Matching a hundred messages over millions of posts needs none of that: here the
 * automaton is a dense transition table over the few characters the phrases use, text is folded into a
 * reused buffer, and a match only sets a bit.
 *
 * @since 0.1.0
 */
@org.jspecify.annotations.NullMarked
package org.engagement.core.internal.text;
