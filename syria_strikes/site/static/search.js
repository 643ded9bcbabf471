// Client-side search over the index written at build time (search-index.js sets window.SEARCH_INDEX).
// Every word of the query must occur in an entry's text; case does not matter, nor which apostrophe,
// quotation mark or dash is typed: the quotes keep the documents' curly ones (Syria’s), a keyboard
// types straight ones (Syria's). No framework.
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
  function fold(text) {
    return text.toLowerCase()
      .replace(/[\u2018\u2019\u201a\u201b\u2032\u02bc`]/g, "'")
      .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
      .replace(/[\u2010-\u2015\u2212]/g, "-");
  }
  var words = fold(query).split(/\s+/);
  var found = window.SEARCH_INDEX.filter(function (entry) {
    var haystack = fold(entry.text);
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
