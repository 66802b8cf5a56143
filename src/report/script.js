// Click-to-highlight, index sorting and filtering. The page is complete without it: the
// record links then jump to their anchor in the text.
(function () {
  'use strict';
  document.documentElement.classList.add('js');
  var lit = [];

  function highlight(link) {
    var id = link.getAttribute('data-target');
    lit.forEach(function (el) { el.classList.remove('hl', 'active'); });
    lit = Array.prototype.slice.call(document.querySelectorAll('[data-ids~="' + id + '"]'));
    lit.forEach(function (el) { el.classList.add('hl'); });
    var row = link.closest('tr');
    [link, row].forEach(function (el) { if (el) { el.classList.add('active'); lit.push(el); } });
    if (lit.length > 0 && lit[0] !== link) { reveal(lit[0]); }
    if (history.replaceState) { history.replaceState(null, '', '#' + id); }
  }

  // Scrolls the text pane (not the page) so that the span sits a third down it.
  function reveal(el) {
    var pane = el.closest('.src');
    if (!pane) { el.scrollIntoView({ block: 'center' }); return; }
    var box = pane.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) { pane.scrollIntoView({ block: 'nearest' }); box = pane.getBoundingClientRect(); }
    pane.scrollTop += el.getBoundingClientRect().top - box.top - pane.clientHeight / 3;
  }

  document.addEventListener('click', function (event) {
    if (event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) { return; }
    var link = event.target.closest('a[data-target]');
    if (!link) {
      var row = event.target.closest('.records tr.row');
      link = row && !event.target.closest('a') ? row.querySelector('a[data-target]') : null;
    }
    if (!link) { return; }
    event.preventDefault();
    highlight(link);
  });

  var table = document.getElementById('index-table');
  if (!table) { return; }
  var body = table.tBodies[0];
  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
  heads.forEach(function (th, column) {
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = th.textContent;
    th.textContent = '';
    th.appendChild(button);
    button.addEventListener('click', function () {
      var ascending = th.getAttribute('aria-sort') !== 'ascending';
      heads.forEach(function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      var numeric = th.classList.contains('num');
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.cells[column] ? a.cells[column].textContent : '';
        var y = b.cells[column] ? b.cells[column].textContent : '';
        var order = numeric ? (parseFloat(x) || 0) - (parseFloat(y) || 0) : x.localeCompare(y, 'fr');
        return ascending ? order : -order;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });

  var department = document.getElementById('f-dept');
  var year = document.getElementById('f-year');
  var count = document.getElementById('f-count');
  function filter() {
    var shown = 0;
    Array.prototype.forEach.call(body.rows, function (row) {
      var keep = (!department.value || row.getAttribute('data-dept') === department.value) &&
        (!year.value || row.getAttribute('data-year') === year.value);
      row.hidden = !keep;
      var section = document.getElementById(row.getAttribute('data-doc'));
      if (section) { section.hidden = !keep; }
      if (keep) { shown += 1; }
    });
    count.textContent = shown + ' of ' + body.rows.length + ' documents';
  }
  department.addEventListener('change', filter);
  year.addEventListener('change', filter);
  department.parentNode.hidden = false;
  filter();
})();
