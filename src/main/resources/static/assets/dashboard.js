// Draws the dashboard's charts with ECharts (served from the app's webjar) from /console/dashboard.json.
(function () {
  "use strict";
  var source = document.getElementById("dashboard-script").getAttribute("data-source");
  var charts = [];

  // No animation: the numbers are read, not watched, and old phones draw faster without it.
  function chart(id, option) {
    var element = document.getElementById(id);
    if (!element) { return null; }
    var instance = echarts.init(element);
    option.animation = false;
    instance.setOption(option);
    charts.push(instance);
    return instance;
  }

  function empty(id, text) {
    var element = document.getElementById(id);
    if (element) {
      element.classList.add("empty");
      element.textContent = text;
    }
  }

  function pie(id, title, items) {
    chart(id, {
      tooltip: { trigger: "item", formatter: "{b}:{c}({d}%)" },
      legend: { type: "scroll", bottom: 0 },
      series: [{ name: title, type: "pie", radius: ["35%", "65%"], center: ["50%", "45%"], data: items,
                 label: { formatter: "{b}\n{c}" } }]
    });
  }

  // Long names are cut short on the axis; hovering the bar or the cut label shows the whole name.
  function bars(id, names, values, color) {
    var instance = chart(id, {
      tooltip: { trigger: "axis", formatter: function (params) {
        return echarts.format.encodeHTML(params[0].name) + ":" + params[0].value;
      } },
      grid: { left: 8, right: 24, top: 10, bottom: 10, containLabel: true },
      xAxis: { type: "value", minInterval: 1 },
      yAxis: { type: "category", data: names, inverse: true, triggerEvent: true,
               axisLabel: { width: 130, overflow: "truncate" } },
      series: [{ type: "bar", data: values, barMaxWidth: 24, itemStyle: { color: color || "#1a5fb4" },
                 label: { show: true, position: "right" } }]
    });
    if (!instance) { return; }
    instance.on("mouseover", { targetType: "axisLabel" }, function (event) {
      instance.dispatchAction({ type: "showTip", seriesIndex: 0, dataIndex: event.dataIndex });
    });
    instance.on("mouseout", { targetType: "axisLabel" }, function () {
      instance.dispatchAction({ type: "hideTip" });
    });
  }

  function draw(data) {
    chart("chart-questions", {
      tooltip: { trigger: "axis" },
      legend: { data: ["提问数", "兜底率(%)"], top: 0 },
      grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: "category", data: data.days },
      yAxis: [{ type: "value", name: "提问", minInterval: 1 },
              { type: "value", name: "兜底率%", min: 0, max: 100, splitLine: { show: false } }],
      series: [{ name: "提问数", type: "bar", data: data.asked, barMaxWidth: 16, itemStyle: { color: "#1a5fb4" } },
               { name: "兜底率(%)", type: "line", yAxisIndex: 1, data: data.fallbackRate, itemStyle: { color: "#b42318" } }]
    });
    if (data.topTopics.length === 0) {
      empty("chart-topics", "近30天还没有回答过话题");
    } else {
      bars("chart-topics", data.topTopics.map(function (t) { return t.name; }),
           data.topTopics.map(function (t) { return t.value; }));
    }
    if (data.tips.byCategory.length === 0) {
      empty("chart-tips-category", "没有未办结的线索");
      empty("chart-tips-status", "没有未办结的线索");
    } else {
      pie("chart-tips-category", "类别", data.tips.byCategory);
      pie("chart-tips-status", "状态", data.tips.byStatus);
    }
    bars("chart-tips-age", data.tips.byAge.map(function (a) { return a.name; }),
         data.tips.byAge.map(function (a) { return a.value; }), "#8a4b00");
    chart("chart-subscribers", {
      tooltip: { trigger: "axis" },
      grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: "category", data: data.subscribers.days },
      yAxis: { type: "value", minInterval: 1 },
      series: [{ name: "订阅人数", type: "line", areaStyle: {}, connectNulls: true, data: data.subscribers.counts,
                 itemStyle: { color: "#14532d" } }]
    });
  }

  fetch(source, { credentials: "same-origin", headers: { "Accept": "application/json" } })
    .then(function (response) {
      if (!response.ok) { throw new Error("HTTP " + response.status); }
      return response.json();
    })
    .then(draw)
    .catch(function () { document.getElementById("chart-error").hidden = false; });

  window.addEventListener("resize", function () { charts.forEach(function (c) { c.resize(); }); });
})();
