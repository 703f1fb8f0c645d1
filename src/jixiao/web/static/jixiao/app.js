// Every page: selects marked data-autosubmit send their form when changed (no inline script,
// so the Content-Security-Policy can forbid inline code).
document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
  select.addEventListener("change", function () { select.form.submit(); });
});
