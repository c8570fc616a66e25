package org.engagement.jdbc;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test only when a PostgreSQL server is configured (see {@link TestDatabase}): without one each test is
 * reported skipped with the reason, so the build's counts show it; when PostgreSQL is required, the class fails.
 */
final class RequiresPostgres implements ExecutionCondition {
  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (TestDatabase.configured()) {
      return ConditionEvaluationResult.enabled("PostgreSQL is configured");
    }
    if (context.getTestMethod().isEmpty()) {
      TestDatabase.checkMayBeSkipped(); // fails the class when PostgreSQL is required; else logs one line
      return ConditionEvaluationResult.enabled("each test is skipped on its own, to be counted");
    }
    return ConditionEvaluationResult.disabled("PostgreSQL tests skipped: " + TestDatabase.MISSING);
  }
}
