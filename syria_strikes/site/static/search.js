// Client-side search over the index written at build time (search-index.js sets window.SEARCH_INDEX).
// Every word of the query must occur in an entry's text; case does not matter. No framework.
(function () {
  "use strict";
  var LIMIT = 200;
  var params = new URLSearchParams(window.location.search);
  var query = (params.get("q") || "").trim();
  var input = document.getElementById("q");
  var status = document.getElementById("status");
  var results = document.getElementById("results");
  input.value = query;
  if (!query) {
    status.textContent = "Type a word above: a name, a place, a weapon, a word from a quote.";
    return;
  }
  var words = query.toLowerCase().split(/\s+/);
  var found = window.SEARCH_INDEX.filter(function (entry) {
    var haystack = entry.text.toLowerCase();
    return words.every(function (word) { return haystack.indexOf(word) !== -1; });
  });
  status.textContent = found.length + (found.length === 1 ? " result" : " results") + " for “" + query + "”" +
    (found.length > LIMIT ? "; the first " + LIMIT + " are shown." : ".");
  found.slice(0, LIMIT).forEach(function (entry) {
    var item = document.createElement("li");
    item.className = "result-" + entry.type;
    var kind = document.createElement("span");
    kind.className = "type";
    kind.textContent = entry.type + " ";
    var link = document.createElement("a");
    link.href = entry.url;
    link.textContent = entry.title;
    item.appendChild(kind);
    item.appendChild(link);
    if (entry.detail) {
      var detail = document.createElement("div");
      detail.textContent = entry.detail;
      item.appendChild(detail);
    }
    results.appendChild(item);
  });
}());
