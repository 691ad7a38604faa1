package dev.authjvm.conformance;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips {@link Deviation} checks when the server under test is the official Auth.js server (system
 * property {@value #PROPERTY}{@code =authjs}, or the console runner's {@code --authjs}).
 */
public final class ReferenceMode implements ExecutionCondition {
  public static final String PROPERTY = "authjvm.conformance.reference";

  public static boolean checkingAuthJs() {
    return "authjs".equals(System.getProperty(PROPERTY));
  }

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (!checkingAuthJs()) {
      return ConditionEvaluationResult.enabled("checking an implementation of the protocol");
    }
    return context.getElement().map(e -> e.getAnnotation(Deviation.class))
        .map(d -> ConditionEvaluationResult.disabled("documented deviation from Auth.js: " + d.value()))
        .orElse(ConditionEvaluationResult.enabled("not a deviation"));
  }
}
