// Live scoring in the evaluation editor: after each change the form is posted (not saved)
// to the live endpoint, which answers with the engine's scores and the auditor's findings.
// Every change is also kept as a draft in this browser (localStorage), so typed edits
// survive an expired session, a refused stale save or a closed tab, and can be restored.
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

  var draftKey = form.dataset.draftKey;
  var version = Number(form.dataset.version || "0");

  function fields() {
    var values = {};
    new FormData(form).forEach(function (value, name) {
      if (name !== "csrfmiddlewaretoken" && name !== "version") { values[name] = String(value); }
    });
    return values;
  }
  function readDraft() {
    try { return JSON.parse(window.localStorage.getItem(draftKey) || "null"); } catch (e) { return null; }
  }
  function saveDraft(submitted) {
    try {
      window.localStorage.setItem(draftKey, JSON.stringify(
        { version: version, saved: new Date().toISOString(), submitted: submitted, values: fields() }));
    } catch (e) { /* storage full or disabled: the live view still works */ }
  }
  function dropDraft() { try { window.localStorage.removeItem(draftKey); } catch (e) { /* ignore */ } }

  function addRow(prefix, target, number) {
    var template = document.getElementById("tpl-" + prefix);
    var holder = document.createElement("tbody");
    holder.innerHTML = template.innerHTML.replace(/__n__/g, String(number));
    var row = holder.firstElementChild;
    document.querySelector("#" + target + " tbody").appendChild(row);
    return row;
  }
  function restoreDraft(draft) {
    var wanted = {};
    Object.keys(draft.values).forEach(function (name) {
      var m = /^([fi])-(\d+)-/.exec(name);
      if (m) { wanted[m[1] + "-" + m[2]] = m; }
    });
    form.querySelectorAll("tr.fund-row, tr.ind-row").forEach(function (row) {
      var input = row.querySelector("input[name]");
      var m = input && /^([fi])-(\d+)-/.exec(input.name);
      if (m && !wanted[m[1] + "-" + m[2]]) { row.remove(); }
    });
    Object.keys(wanted).forEach(function (key) {
      var m = wanted[key];
      if (!form.querySelector('[name="' + m[1] + "-" + m[2] + '-orig"]')) {
        addRow(m[1], m[1] === "f" ? "funding" : "indicators", Number(m[2]));
        counter = Math.max(counter, Number(m[2]));
      }
    });
    form.querySelectorAll("input[name], textarea[name]").forEach(function (input) {
      if (input.name === "csrfmiddlewaretoken" || input.name === "version") { return; }
      if (input.type === "checkbox") { input.checked = draft.values[input.name] === "on"; }
      else if (input.name in draft.values) { input.value = draft.values[input.name]; }
    });
    schedule();
  }
  function offerDraft() {
    var draft = readDraft();
    if (!draft || !draft.values) { return; }
    if (draft.submitted && draft.version < version) { dropDraft(); return; }  // it was saved
    if (JSON.stringify(draft.values) === JSON.stringify(fields())) { dropDraft(); return; }
    var note = document.createElement("p");
    note.id = "draft-note";
    note.textContent = "本机保存有尚未保存到服务器的输入（" + draft.saved.replace("T", " ").slice(0, 19) +
      (draft.version < version ? "，此后他人已修改，请核对" : "") + "）。";
    var restore = document.createElement("button");
    restore.type = "button";
    restore.id = "draft-restore";
    restore.textContent = "恢复我的输入";
    var discard = document.createElement("button");
    discard.type = "button";
    discard.textContent = "丢弃";
    restore.addEventListener("click", function () { restoreDraft(draft); note.remove(); });
    discard.addEventListener("click", function () { dropDraft(); note.remove(); });
    note.appendChild(restore);
    note.appendChild(document.createTextNode(" "));
    note.appendChild(discard);
    form.parentNode.insertBefore(note, form);
  }

  var EXPIRED = "登录已过期或无权操作：您的输入已保存在本机草稿中。请在新窗口重新登录，再回到本页点“恢复我的输入”。";

  function refresh() {
    if (pending) { pending.abort(); }
    pending = new AbortController();
    status("正在计算…");
    fetch(url, { method: "POST", body: new FormData(form), signal: pending.signal,
                 credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
      .then(function (response) {
        var type = response.headers.get("Content-Type") || "";
        if (response.redirected || !response.ok || type.indexOf("application/json") < 0) {
          throw new Error(EXPIRED);
        }
        return response.json();
      })
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
      .catch(function (err) {
        if (err.name === "AbortError") { return; }
        status(err.message === EXPIRED ? EXPIRED : "计算失败，请检查网络连接；输入已保存在本机草稿中。");
      });
  }

  function schedule() {
    window.clearTimeout(timer);
    timer = window.setTimeout(refresh, 300);
  }

  form.addEventListener("input", function () { saveDraft(false); schedule(); });
  form.addEventListener("change", function () { saveDraft(false); schedule(); });
  form.addEventListener("submit", function () { saveDraft(true); });
  offerDraft();
  form.addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (!button) { return; }
    if (button.classList.contains("remove")) {
      button.closest("tr").remove();
      saveDraft(false);
      schedule();
    } else if (button.classList.contains("add")) {
      counter += 1;
      addRow(button.dataset.prefix, button.dataset.target, counter).querySelector('input[type="text"]').focus();
    }
  });
})();
