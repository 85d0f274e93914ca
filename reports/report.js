// audit HTML report: filters, sentence details and keyboard navigation. Reads the page's JSON data
// block and writes only with textContent, so nothing from an article is ever parsed as HTML.
(function () {
  "use strict";
  var dataNode = document.getElementById("audit-data");
  var data = dataNode ? JSON.parse(dataNode.textContent) : { sentences: [] };
  var details = document.getElementById("details");

  function row(list, label, value) {
    if (value === undefined || value === null || value === "" || (Array.isArray(value) && !value.length)) return;
    var dt = document.createElement("dt");
    dt.textContent = label;
    var dd = document.createElement("dd");
    dd.textContent = Array.isArray(value) ? value.join(" \u2192 ") : String(value);
    list.appendChild(dt);
    list.appendChild(dd);
  }

  function show(span) {
    var previous = document.querySelector(".s.selected");
    if (previous) previous.classList.remove("selected");
    span.classList.add("selected");
    var s = data.sentences[Number(span.getAttribute("data-id"))];
    if (!s || !details) return;
    details.textContent = "";
    var list = document.createElement("dl");
    row(list, "verdict", s.mark);
    row(list, "source", s.source);
    row(list, "refers to", s.resolved);
    row(list, "source type", s.source_type);
    row(list, "cue", s.cue);
    row(list, "chain", s.chain);
    row(list, "claim score", s.claim ? s.claim_score : "not a claim");
    details.appendChild(list);
    (s.findings || []).forEach(function (f) {
      var p = document.createElement("p");
      var rule = document.createElement("a");
      rule.href = "#rule-" + f.rule;
      rule.textContent = "[" + f.rule + "]";
      rule.className = "sev-" + f.severity;
      p.appendChild(rule);
      p.appendChild(document.createTextNode(" " + f.message));
      details.appendChild(p);
    });
  }

  document.querySelectorAll(".s").forEach(function (span) {
    span.addEventListener("click", function () { show(span); });
    span.addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); show(span); }
    });
  });

  // Filters, kept in the address ("#hide=none,attributed") so a filtered view can be shared.
  var boxes = Array.prototype.slice.call(document.querySelectorAll("nav.filters input[data-hide]"));
  function applyFilters() {
    var hidden = [];
    boxes.forEach(function (box) {
      var mark = box.getAttribute("data-hide");
      document.body.classList.toggle("hide-" + mark, !box.checked);
      if (!box.checked) hidden.push(mark);
    });
    document.querySelectorAll(".s").forEach(function (span) {
      var severity = span.getAttribute("data-severity");
      span.hidden = hidden.indexOf(span.getAttribute("data-mark")) >= 0 ||
          (severity !== null && hidden.indexOf("sev-" + severity) >= 0);
    });
    return hidden;
  }
  var fromHash = /^#hide=([a-z,-]*)$/.exec(location.hash);
  if (fromHash) {
    var wanted = fromHash[1].split(",");
    boxes.forEach(function (box) { box.checked = wanted.indexOf(box.getAttribute("data-hide")) < 0; });
  }
  applyFilters();
  boxes.forEach(function (box) {
    box.addEventListener("change", function () {
      var hidden = applyFilters();
      history.replaceState(null, "", hidden.length ? "#hide=" + hidden.join(",") : "#");
    });
  });

  // n / j: next finding; p / k: previous finding.
  var withFindings = Array.prototype.slice.call(document.querySelectorAll(".s[data-findings]"));
  var current = -1;
  document.addEventListener("keydown", function (e) {
    if (e.target && (e.target.tagName === "INPUT" || e.altKey || e.ctrlKey || e.metaKey)) return;
    if (!withFindings.length) return;
    if (e.key === "n" || e.key === "j") current = (current + 1) % withFindings.length;
    else if (e.key === "p" || e.key === "k") current = (current - 1 + withFindings.length) % withFindings.length;
    else return;
    var span = withFindings[current];
    span.focus();
    span.scrollIntoView({ block: "center" });
    show(span);
  });

  // The corpus index: type to keep only the rows that mention the text.
  var filter = document.getElementById("index-filter");
  if (filter) {
    filter.addEventListener("input", function () {
      var needle = filter.value.toLowerCase();
      document.querySelectorAll("#articles tbody tr").forEach(function (row) {
        row.hidden = needle !== "" && row.textContent.toLowerCase().indexOf(needle) < 0;
      });
    });
  }

  // The corpus index: click a column header to sort by it.
  document.querySelectorAll("table.index th").forEach(function (th, column) {
    th.addEventListener("click", function () {
      var body = th.closest("table").tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      var descending = th.getAttribute("data-order") !== "desc";
      th.setAttribute("data-order", descending ? "desc" : "asc");
      rows.sort(function (a, b) {
        var x = a.cells[column].getAttribute("data-value") || a.cells[column].textContent;
        var y = b.cells[column].getAttribute("data-value") || b.cells[column].textContent;
        var nx = parseFloat(x), ny = parseFloat(y);
        var order = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
        return descending ? -order : order;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
})();
