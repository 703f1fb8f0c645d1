// Import progress: polls the batch's progress and reloads the page when recognition is done.
(function () {
  "use strict";
  var box = document.getElementById("progress");
  if (!box) { return; }
  function poll() {
    fetch(box.dataset.url, { credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        document.getElementById("progress-text").textContent = data.processed + " / " + data.total;
        document.getElementById("progress-state").textContent = data.state_label;
        var bar = document.getElementById("progress-bar");
        bar.max = data.total;
        bar.value = data.processed;
        if (data.state === "done" || data.state === "accepted" || data.state === "failed") {
          window.location.reload();
        } else {
          window.setTimeout(poll, 1000);
        }
      })
      .catch(function () { window.setTimeout(poll, 3000); });
  }
  window.setTimeout(poll, 1000);
})();
