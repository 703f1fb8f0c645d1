// Live scoring in the evaluation editor: after each change the form is posted (not saved)
// to the live endpoint, which answers with the engine's scores and the auditor's findings.
(function () {
  "use strict";
  var form = document.getElementById("editor");
  if (!form) { return; }
  var url = form.dataset.liveUrl;
  var timer = null;
  var pending = null;
  var counter = 10000;
  var SEVERITY = { error: "错误", warning: "警告", info: "提示" };

  function text(value) { return value === null || value === undefined ? "" : String(value); }
  function mark(agrees) { return agrees === true ? "✓" : agrees === false ? "✗" : ""; }
  function setText(id, value, fallback) {
    var node = document.getElementById(id);
    if (node) { node.textContent = value === null || value === undefined ? (fallback || "—") : String(value); }
  }
  function status(message) { setText("live-status", message, ""); }

  function showFindings(findings, counts) {
    var list = document.getElementById("findings-list");
    list.textContent = "";
    if (!findings.length) {
      var empty = document.createElement("li");
      empty.className = "empty";
      empty.textContent = "没有发现问题。";
      list.appendChild(empty);
    }
    findings.forEach(function (f) {
      var item = document.createElement("li");
      item.className = "sev-" + f.severity;
      var code = document.createElement("span");
      code.className = "code";
      code.textContent = f.code;
      var sev = document.createElement("span");
      sev.className = "sev " + f.severity;
      sev.textContent = SEVERITY[f.severity] || f.severity;
      var where = document.createElement("span");
      where.className = "where";
      where.textContent = f.location;
      item.appendChild(code);
      item.appendChild(document.createTextNode(" "));
      item.appendChild(sev);
      item.appendChild(document.createTextNode(" " + f.message + " "));
      item.appendChild(where);
      list.appendChild(item);
    });
    Object.keys(counts).forEach(function (key) {
      var node = document.querySelector('#counts [data-count="' + key + '"]');
      if (node) { node.textContent = counts[key]; }
    });
  }

  function showScores(result) {
    if (!result) { return; }
    setText("total", result.computed_total);
    setText("claimed-total", result.claimed_total);
    setText("grade", result.computed_grade);
    if (result.execution) {
      setText("exec-rate", result.execution.computed_rate);
      setText("exec-score", result.execution.computed_score);
      setText("exec-agrees", mark(result.execution.agrees), "");
    }
    var rows = form.querySelectorAll("#indicators tbody tr.ind-row");
    rows.forEach(function (row, n) {
      var item = result.indicators[n] || {};
      row.querySelector(".c-completion").textContent = text(item.computed_completion);
      var score = row.querySelector(".c-score");
      score.textContent = text(item.computed_score);
      score.title = item.rule_title ? item.rule_title + "：" + text(item.explanation) : "";
      row.querySelector(".c-agrees").textContent = mark(item.agrees);
    });
    var body = document.getElementById("subtotals");
    body.textContent = "";
    result.subtotals.forEach(function (s) {
      var tr = document.createElement("tr");
      [s.level1, s.weight, s.claimed, s.computed].forEach(function (value, n) {
        var td = document.createElement("td");
        if (n) { td.className = "num"; }
        td.textContent = text(value);
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
  }

  function refresh() {
    if (pending) { pending.abort(); }
    pending = new AbortController();
    status("正在计算…");
    fetch(url, { method: "POST", body: new FormData(form), signal: pending.signal,
                 credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        var error = document.getElementById("live-error");
        if (!data.ok) {
          error.hidden = false;
          error.textContent = data.error;
          status("输入有误，未计算");
          return;
        }
        error.hidden = true;
        showScores(data.form);
        showFindings(data.findings, data.counts);
        status("已按当前输入重新计算（尚未保存）");
      })
      .catch(function (err) { if (err.name !== "AbortError") { status("计算失败：" + err.message); } });
  }

  function schedule() {
    window.clearTimeout(timer);
    timer = window.setTimeout(refresh, 300);
  }

  form.addEventListener("input", schedule);
  form.addEventListener("change", schedule);
  form.addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (!button) { return; }
    if (button.classList.contains("remove")) {
      button.closest("tr").remove();
      schedule();
    } else if (button.classList.contains("add")) {
      var template = document.getElementById("tpl-" + button.dataset.prefix);
      counter += 1;
      var holder = document.createElement("tbody");
      holder.innerHTML = template.innerHTML.replace(/__n__/g, String(counter));
      var row = holder.firstElementChild;
      document.querySelector("#" + button.dataset.target + " tbody").appendChild(row);
      row.querySelector('input[type="text"]').focus();
    }
  });
})();
