/**
 * Customer lifetime value: repeat-buying summaries from transactions, the BG/NBD family, Pareto/NBD, BG/BB and
 * Gamma-Gamma models fitted by maximum likelihood, and per-customer predictions and value.
 *
 * <p>The {@code internal} packages (the likelihood search and Hessians, the hypergeometric function) are
 * implementation: not exported, free to change in any release. Core is re-exported: summaries are built from
 * its transactions' customers and money.
 *
 * <h2>Hipparchus</h2>
 * Hipparchus 4 ships neither a {@code module-info} nor an {@code Automatic-Module-Name}, so on the module path
 * its jars are automatic modules named after their files: {@code hipparchus-core-4.0.3.jar} is
 * {@code hipparchus.core}, {@code hipparchus-optim-4.0.3.jar} is {@code hipparchus.optim}. These are the names
 * required below, on purpose and with their risks accepted:
 * <ul>
 *   <li>No Hipparchus type appears in this module's API (the compiler's {@code exports} lint checks it), so
 *       the requirements are not {@code transitive}: a consumer never names Hipparchus and is not tied to
 *       those names. Maven and Gradle keep the artifact file names, so the derived names hold for them.
 *   <li>The names break if a consumer renames the jars, or if Hipparchus one day declares a module name of
 *       its own (its OSGi name is {@code org.hipparchus.core}). Either fails at start-up with a clear
 *       "module not found", never silently; the fix is a new release of this module with the new name.
 *   <li>The alternative, shading Hipparchus into a non-exported package, would ship a second copy of a
 *       large library to every user for the sake of the module path alone.
 * </ul>
 * The {@code requires-automatic} warning is suppressed for that reason only.
 */
@SuppressWarnings("requires-automatic")
module org.engagement.clv {
  requires transitive org.engagement.core;
  requires hipparchus.core;
  requires hipparchus.optim;
  requires static transitive org.jspecify;

  exports org.engagement.clv;
  exports org.engagement.clv.fit;
  exports org.engagement.clv.model;
  exports org.engagement.clv.prediction;
  exports org.engagement.clv.summary;
}
