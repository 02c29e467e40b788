// Draws a Chart.js bar chart from the table each canvas names (data-table), so the numbers live in one place and the
// table stays the accessible text alternative. A table with several number columns (and a last "Total" column, which
// is skipped) becomes a stacked bar chart.
(function () {
  'use strict';
  if (typeof Chart === 'undefined') {
    return;
  }
  var palette = ['#1d70b8', '#f47738', '#d4351c', '#00703c', '#4c2c92', '#505a5f'];
  document.querySelectorAll('canvas[data-table]').forEach(function (canvas) {
    var table = document.getElementById(canvas.getAttribute('data-table'));
    if (!table) {
      return;
    }
    var headers = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) { return th.textContent.trim(); });
    var rows = Array.prototype.slice.call(table.querySelectorAll('tbody tr'));
    var labels = rows.map(function (row) { return row.cells[0].textContent.trim(); });
    var columns = headers.length - 1;
    var stacked = columns > 2;
    if (stacked) {
      columns -= 1; // the last column is the total
    }
    var datasets = [];
    for (var c = 1; c <= columns; c++) {
      datasets.push({
        label: headers[c],
        data: rows.map(function (row) { return Number(row.cells[c].textContent.trim()) || 0; }),
        backgroundColor: stacked ? palette[(c - 1) % palette.length] : palette[0]
      });
    }
    new Chart(canvas, {
      type: 'bar',
      data: { labels: labels, datasets: datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: stacked } },
        scales: { x: { stacked: stacked }, y: { stacked: stacked, beginAtZero: true, ticks: { precision: 0 } } }
      }
    });
  });
})();
