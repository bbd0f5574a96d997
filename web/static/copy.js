// A button with data-copy="<input id>" copies that input's text (an invitation link) and
// says so: on the button for a moment, and to a screen reader in [data-copy-status].
// Delegated from the document, so buttons swapped in by htmx work too.
document.addEventListener("click", async (event) => {
  const button = event.target.closest("[data-copy]");
  if (!button) return;
  const field = document.getElementById(button.dataset.copy);
  if (!field) return;
  field.select();
  let copied = false;
  try {
    await navigator.clipboard.writeText(field.value);
    copied = true;
  } catch {
    copied = document.execCommand("copy"); // no clipboard API outside a secure context
  }
  if (!copied) return; // the text stays selected: the person copies it themselves
  const status = document.querySelector(`[data-copy-status="${button.dataset.copy}"]`);
  if (status) status.textContent = button.dataset.copied;
  button.classList.add("copied");
  button.dataset.label ??= button.innerHTML;
  button.textContent = button.dataset.copied;
  setTimeout(() => {
    button.innerHTML = button.dataset.label;
    button.classList.remove("copied");
  }, 2000);
});
