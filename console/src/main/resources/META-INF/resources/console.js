// The console's only script: the CSRF header on htmx requests, form presets, and uPlot charts.
(function () {
  "use strict";
  var token = function () {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.content : "";
  };
  document.addEventListener("htmx:configRequest", function (event) {
    event.detail.headers["X-CSRF-Token"] = token();
  });
  // htmx swaps only 2xx answers by default; the console's refusals (4xx/5xx with a message) are shown too.
  document.addEventListener("htmx:beforeSwap", function (event) {
    if (event.detail.xhr.status >= 400) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });
  document.addEventListener("click", function (event) {
    var preset = event.target.closest("[data-preset]");
    if (!preset) return;
    document.getElementById("customer").value = preset.dataset.customer;
    document.getElementById("sku").value = preset.dataset.sku;
    document.getElementById("quantity").value = preset.dataset.quantity;
    document.getElementById("place").focus();
  });

  var css = getComputedStyle(document.documentElement);
  var color = function (name) { return css.getPropertyValue(name).trim() || "#334"; };

  function sparkline(el) {
    var data = JSON.parse(el.dataset.spark);
    if (data[0].length < 2) { el.textContent = "collecting samples…"; return; }
    var width = Math.max(200, el.clientWidth);
    var series = [{}, { label: "outbox pending", stroke: color("--accent"), width: 1.5 },
      { label: "applied / sample", stroke: color("--ok"), width: 1.5 },
      { label: "lag", stroke: color("--warn"), width: 1.5 }];
    el.textContent = "";
    new uPlot({ width: width, height: 90, series: series, legend: { show: true, live: false },
      cursor: { show: false }, axes: [{ show: false }, { show: false }], scales: { x: { time: true } } }, data, el);
  }

  function chaosChart(el) {
    var data = JSON.parse(el.dataset.chaosChart);
    if (!data.x || data.x.length < 2) { el.textContent = "The chart starts once the run's platform is up."; return; }
    var faults = data.faults || [];
    var shade = {
      hooks: {
        drawClear: [function (u) {
          var ctx = u.ctx;
          ctx.save();
          ctx.fillStyle = "rgba(220, 38, 38, 0.10)";
          faults.forEach(function (f) {
            var x0 = u.valToPos(f.startSeconds, "x", true);
            var x1 = u.valToPos(f.stopSeconds < 0 ? data.x[data.x.length - 1] : f.stopSeconds, "x", true);
            ctx.fillRect(x0, u.bbox.top, Math.max(2, x1 - x0), u.bbox.height);
          });
          ctx.restore();
        }]
      }
    };
    el.textContent = "";
    new uPlot({ width: Math.max(280, el.clientWidth), height: 220, plugins: [shade],
      scales: { x: { time: false }, ms: {} },
      axes: [{ label: "seconds into the run" }, { label: "placed / s" }, { scale: "ms", side: 1, label: "ms", grid: { show: false } }],
      series: [{ label: "s" }, { label: "placements acknowledged / s", stroke: color("--accent"), width: 2 },
        { label: "POST /orders latency (ms)", scale: "ms", stroke: color("--warn"), width: 1.5 }] },
      [data.x, data.rate, data.latency], el);
  }

  function draw(root) {
    if (typeof uPlot === "undefined") return;
    root.querySelectorAll("[data-spark]").forEach(sparkline);
    root.querySelectorAll("[data-chaos-chart]").forEach(chaosChart);
  }
  document.addEventListener("DOMContentLoaded", function () { draw(document); });
  document.addEventListener("htmx:afterSettle", function () { draw(document); });
})();
