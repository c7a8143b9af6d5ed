// Counts each live duration ("docked for", "this mission") on from its start, every second.
// Without this script the page shows the server's value, as of when the page was made. The
// server marks durations live only while the data is current (pages/aboard.py).
"use strict";
(function () {
  const cells = document.querySelectorAll("time.live[data-since]");
  if (cells.length === 0) return;

  // As pages/views.py writes it: text, and an HTML duration for <time datetime>.
  function format(milliseconds) {
    let s = Math.max(Math.floor(milliseconds / 1000), 0);
    const d = Math.floor(s / 86400);
    s -= d * 86400;
    const h = Math.floor(s / 3600);
    s -= h * 3600;
    const m = Math.floor(s / 60);
    s -= m * 60;
    return [`${d} d ${h} h ${m} min ${s} s`, `P${d}DT${h}H${m}M${s}S`];
  }

  function tick() {
    const now = Date.now();
    for (const cell of cells) {
      [cell.textContent, cell.dateTime] = format(now - Date.parse(cell.dataset.since));
    }
  }

  tick();
  setInterval(tick, 1000);
  const note = document.getElementById("counted-to");
  if (note) note.textContent = "Durations count on, live.";
})();
