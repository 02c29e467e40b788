// Drug-checking statistics charts, each drawn from the table it names, so the table stays the accessible text
// alternative and the numbers live in one place.
//  - canvas[data-line-table]: a line per column whose header has data-series (e.g. percentages by month).
//  - canvas[data-box-table]: a box plot per row from the columns lowest, lower quartile, median, upper quartile,
//    highest (the 3rd to 7th cells).
//  - canvas[data-count-table]: a bar per row of a table of suppressed counts (the public board). A cell with a
//    data-count attribute is drawn as its number; a suppressed one ("fewer than 5") has no data-count and gets no
//    bar at all (never a bar of 0 or of any height): its label says it is suppressed, as the table does. Chart.js has no box plot, so a thin floating bar is the whisker (lowest to
//    highest), a wide floating bar the box (quartiles) and a line marker the median.
(function () {
  'use strict';
  if (typeof Chart === 'undefined') {
    return;
  }
  var palette = ['#1d70b8', '#d4351c', '#00703c', '#f47738', '#4c2c92', '#505a5f'];
  function number(cell) {
    var n = Number(cell.textContent.trim());
    return isNaN(n) ? null : n;
  }
  document.querySelectorAll('canvas[data-line-table]').forEach(function (canvas) {
    var table = document.getElementById(canvas.getAttribute('data-line-table'));
    if (!table) {
      return;
    }
    var headers = Array.prototype.slice.call(table.querySelectorAll('thead th'));
    var rows = Array.prototype.slice.call(table.querySelectorAll('tbody tr'));
    var datasets = [];
    headers.forEach(function (th, c) {
      if (th.hasAttribute('data-series')) {
        var colour = palette[datasets.length % palette.length];
        datasets.push({
          label: th.textContent.trim(),
          data: rows.map(function (row) { return number(row.cells[c]); }),
          borderColor: colour,
          backgroundColor: colour,
          spanGaps: true
        });
      }
    });
    new Chart(canvas, {
      type: 'line',
      data: { labels: rows.map(function (row) { return row.cells[0].textContent.trim(); }), datasets: datasets },
      options: { responsive: true, maintainAspectRatio: false, animation: false,
        scales: { y: { beginAtZero: true, max: 100 } } }
    });
  });
  document.querySelectorAll('canvas[data-count-table]').forEach(function (canvas) {
    var table = document.getElementById(canvas.getAttribute('data-count-table'));
    if (!table) {
      return;
    }
    var rows = Array.prototype.slice.call(table.querySelectorAll('tbody tr'));
    var labels = rows.map(function (row) {
      var cell = row.cells[1];
      var name = row.cells[0].textContent.trim();
      return cell.hasAttribute('data-count') ? name : name + ' (' + cell.textContent.trim() + ')';
    });
    var data = rows.map(function (row) {
      var cell = row.cells[1];
      return cell.hasAttribute('data-count') ? Number(cell.getAttribute('data-count')) : null;
    });
    new Chart(canvas, {
      type: 'bar',
      data: { labels: labels, datasets: [{ label: table.querySelector('thead th:last-child').textContent.trim(),
        data: data, backgroundColor: palette[0] }] },
      options: { responsive: true, maintainAspectRatio: false, animation: false,
        plugins: { legend: { display: false } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
    });
  });
  document.querySelectorAll('canvas[data-box-table]').forEach(function (canvas) {
    var table = document.getElementById(canvas.getAttribute('data-box-table'));
    if (!table) {
      return;
    }
    var rows = Array.prototype.slice.call(table.querySelectorAll('tbody tr'));
    var values = rows.map(function (row) {
      return [2, 3, 4, 5, 6].map(function (c) { return number(row.cells[c]); });
    });
    new Chart(canvas, {
      type: 'bar',
      data: {
        labels: rows.map(function (row) { return row.cells[0].textContent.trim(); }),
        datasets: [
          { type: 'line', label: 'Median', data: values.map(function (v) { return v[2]; }), showLine: false,
            pointStyle: 'line', pointRadius: 18, pointBorderWidth: 3, borderColor: '#0b0c0c', backgroundColor: '#0b0c0c', order: 1 },
          { label: 'Lower to upper quartile', data: values.map(function (v) { return [v[1], v[3]]; }),
            backgroundColor: '#5694ca', borderColor: '#1d70b8', borderWidth: 1, grouped: false, barPercentage: 0.5, order: 2 },
          { label: 'Lowest to highest', data: values.map(function (v) { return [v[0], v[4]]; }),
            backgroundColor: '#505a5f', grouped: false, barPercentage: 0.04, order: 3 }
        ]
      },
      options: { responsive: true, maintainAspectRatio: false, animation: false,
        scales: { y: { beginAtZero: true, title: { display: true, text: 'mg per pill' } } } }
    });
  });
})();
