package dev.authjvm.providers.webauthn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The build bundled the page script into the jar: the browser library with its licence, and the form's glue. */
class PasskeyFormScriptTest {
  private final String script = PasskeyProvider.builder().build().signInPageScript()
      .orElseThrow(() -> new AssertionError("passkey-form.js was not bundled into the jar"));

  @Test
  void theScriptBundlesTheBrowserLibraryWithItsLicence() {
    assertTrue(script.startsWith("/*! Includes @simplewebauthn/browser 9.0.1:\nMIT License"), script.substring(0, 80));
  }

  @Test
  void theScriptDrivesTheFormsTheSignInPageMarksUp() {
    assertTrue(script.contains("form[data-options-url]") && script.contains("data-form-field"), "the page's selectors");
  }

  @Test
  void theScriptLoadsNothingFromElsewhere() {
    assertTrue(!script.contains("unpkg") && !script.contains("cdn") && !script.contains("import("), "no remote code");
  }
}
