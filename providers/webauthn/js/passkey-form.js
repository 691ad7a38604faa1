// Drives the built-in sign-in page's passkey forms. Each form (id "<provider>-form") posts to the
// provider's callback and names its options URL in data-options-url; its inputs marked data-form-field
// (the email address) go to the options request. Submitting asks the server what to do (register a new
// address, or authenticate), runs that ceremony in the browser and posts the answer as the fields
// "action" and "data". The first form also offers passkeys in the address field's autofill
// (conditional UI) as soon as the page loads.
import {
  browserSupportsWebAuthn,
  browserSupportsWebAuthnAutofill,
  startAuthentication,
  startRegistration,
} from "@simplewebauthn/browser";

function formFields(form) {
  return Array.from(form.querySelectorAll("input[data-form-field]"));
}

async function fetchOptions(form, action) {
  const url = new URL(form.dataset.optionsUrl, window.location.href);
  if (action) url.searchParams.set("action", action);
  for (const field of formFields(form)) {
    if (field.value) url.searchParams.append(field.name, field.value);
  }
  const response = await fetch(url, { credentials: "same-origin" });
  if (!response.ok) throw new Error(`${url.pathname} answered ${response.status}: ${await response.text()}`);
  return response.json();
}

function hiddenField(form, name, value) {
  const input = document.createElement("input");
  input.type = "hidden";
  input.name = name;
  input.value = value;
  form.appendChild(input);
}

async function ceremony(form, { action, options }, autofill) {
  const answer = action === "authenticate"
    ? await startAuthentication(options, autofill)
    : await startRegistration(options);
  hiddenField(form, "action", action);
  hiddenField(form, "data", JSON.stringify(answer));
  form.submit();
}

function report(form, error) {
  // Cancelling the browser's dialog lands here too; the form stays usable.
  form.dataset.passkeyError = String(error?.message ?? error);
  console.error(error);
}

function setUp(form, offerAutofill) {
  if (!browserSupportsWebAuthn()) {
    form.hidden = true;
    return;
  }
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    fetchOptions(form).then((options) => ceremony(form, options, false)).catch((e) => report(form, e));
  });
  if (offerAutofill) {
    browserSupportsWebAuthnAutofill()
      .then((supported) => supported && fetchOptions(form, "authenticate")
        .then((options) => ceremony(form, options, true)))
      .catch((e) => report(form, e));
  }
}

document.querySelectorAll("form[data-options-url]").forEach((form, i) => setUp(form, i === 0));
