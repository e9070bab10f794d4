// The dashboard's map and timeline. Loaded as a file (the CSP forbids inline script);
// every value from the data is set as text, never parsed as HTML.
"use strict";
(function () {
  // The type colours come from the page (sitroom/colours.py), one set for briefs and map.
  const mapBox = document.getElementById("map");
  const COLOURS = mapBox && mapBox.dataset.colours
    ? JSON.parse(mapBox.dataset.colours)
    : { types: {}, other: "#7f7f7f" };
  const colour = (type) => COLOURS.types[type] || COLOURS.other;
  const DAY = 86400000;
  const SVG = "http://www.w3.org/2000/svg";

  function svg(tag, attrs, parent) {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
    if (parent) parent.appendChild(node);
    return node;
  }

  function text(tag, value, className) {
    const node = document.createElement(tag);
    node.textContent = value;
    if (className) node.className = className;
    return node;
  }

  async function getJSON(url) {
    const response = await fetch(url, { headers: { accept: "application/json" } });
    if (!response.ok) throw new Error(url + ": " + response.status);
    return response.json();
  }

  function legend(types) {
    const box = document.getElementById("legend");
    if (!box) return;
    box.replaceChildren();
    for (const type of types) {
      const item = text("span", "", "item");
      const dot = text("span", "", "swatch");
      dot.style.background = colour(type);
      item.append(dot, document.createTextNode(type));
      box.appendChild(item);
    }
    box.appendChild(text("span", "· marker size: deaths · numbers: clustered markers", "muted"));
  }

  // ---- timeline: a true date axis, bins stacked by type, drag to set the date filter
  function setDates(since, until) {
    const form = document.getElementById("filters");
    form.elements.since.value = since;
    form.elements.until.value = until;
    form.submit();
  }

  const iso = (t) => new Date(t).toISOString().slice(0, 10);

  async function drawTimeline() {
    const box = document.getElementById("timeline");
    if (!box || !box.dataset.src) return;
    const data = await getJSON(box.dataset.src);
    const unitLabel = document.getElementById("timeline-unit");
    if (unitLabel) unitLabel.textContent = data.bins.length ? "(" + data.unit + "ly bins, drag to filter)" : "";
    if (!data.bins.length) {
      box.replaceChildren(text("p", "No dated events.", "muted"));
      return;
    }
    const W = Math.max(box.clientWidth, 400), H = 170;
    const pad = { l: 34, r: 10, t: 8, b: 24 };
    const bins = data.bins.map((b) => ({
      ...b,
      t0: Date.parse(b.start),
      t1: Date.parse(b.end) + DAY,
      total: Object.values(b.counts).reduce((a, n) => a + n, 0),
    }));
    const t0 = bins[0].t0, t1 = bins[bins.length - 1].t1;
    const peak = Math.max(1, ...bins.map((b) => b.total));
    const x = (t) => pad.l + ((t - t0) / (t1 - t0)) * (W - pad.l - pad.r);
    const y = (n) => H - pad.b - (n / peak) * (H - pad.b - pad.t);
    const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "timeline" });
    const bars = svg("g", {}, root);
    for (const b of bins) {
      let base = 0;
      for (const type of data.types) {
        const n = b.counts[type] || 0;
        if (!n) continue;
        const rect = svg("rect", {
          x: x(b.t0) + 0.5,
          width: Math.max(1, x(b.t1) - x(b.t0) - 1),
          y: y(base + n),
          height: y(base) - y(base + n),
          fill: colour(type),
          "data-start": b.start,
        }, bars);
        svg("title", {}, rect).textContent = `${b.start} – ${b.end}: ${n} ${type}`;
        base += n;
      }
    }
    const axis = svg("g", { class: "axis" }, root);
    svg("line", { x1: pad.l, x2: W - pad.r, y1: H - pad.b, y2: H - pad.b }, axis);
    const spanDays = (t1 - t0) / DAY;
    const stepMonths = spanDays > 3650 ? 24 : spanDays > 1460 ? 12 : spanDays > 540 ? 3 : spanDays > 120 ? 1 : 0;
    const ticks = [];
    if (stepMonths) {
      const d = new Date(t0);
      let cursor = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - (d.getUTCMonth() % stepMonths), 1);
      while (cursor <= t1) {
        if (cursor >= t0) ticks.push(cursor);
        const c = new Date(cursor);
        cursor = Date.UTC(c.getUTCFullYear(), c.getUTCMonth() + stepMonths, 1);
      }
    } else {
      const step = Math.max(1, Math.ceil(spanDays / 10));
      for (let t = t0; t <= t1; t += step * DAY) ticks.push(t);
    }
    for (const t of ticks) {
      svg("line", { x1: x(t), x2: x(t), y1: H - pad.b, y2: H - pad.b + 4 }, axis);
      const label = svg("text", { x: x(t) + 2, y: H - 6 }, axis);
      label.textContent = stepMonths >= 12 ? iso(t).slice(0, 4) : stepMonths ? iso(t).slice(0, 7) : iso(t);
    }
    svg("text", { x: 2, y: pad.t + 8 }, axis).textContent = String(peak);
    svg("text", { x: 2, y: H - pad.b }, axis).textContent = "0";

    // Brushing: drag across bins (or click one) to filter to those dates.
    const brush = svg("rect", { class: "brush", y: pad.t, height: H - pad.b - pad.t, width: 0, x: 0 }, root);
    let from = null;
    const toX = (event) => {
      const r = root.getBoundingClientRect();
      return ((event.clientX - r.left) / r.width) * W;
    };
    const timeAt = (px) => t0 + ((Math.min(Math.max(px, pad.l), W - pad.r) - pad.l) / (W - pad.l - pad.r)) * (t1 - t0);
    root.addEventListener("pointerdown", (event) => {
      from = toX(event);
      root.setPointerCapture(event.pointerId);
      brush.setAttribute("x", from);
      brush.setAttribute("width", 0);
    });
    root.addEventListener("pointermove", (event) => {
      if (from === null) return;
      const to = toX(event);
      brush.setAttribute("x", Math.min(from, to));
      brush.setAttribute("width", Math.abs(to - from));
    });
    root.addEventListener("pointerup", (event) => {
      if (from === null) return;
      const a = timeAt(Math.min(from, toX(event))), b = timeAt(Math.max(from, toX(event)));
      from = null;
      const chosen = bins.filter((bin) => bin.t1 > a && bin.t0 <= b);
      if (chosen.length) setDates(chosen[0].start, chosen[chosen.length - 1].end);
    });
    box.replaceChildren(root);
  }

  // ---- map: Natural Earth countries (admin-1 when zoomed in), clustered event markers
  async function drawMap() {
    const box = document.getElementById("map");
    if (!box || !window.L || !box.dataset.points) return;
    const map = L.map(box, { worldCopyJump: true, minZoom: 2, maxZoom: 14 }).setView([25, 30], 2);
    const tiles = box.dataset.tiles;
    if (tiles) L.tileLayer(tiles, { maxZoom: 18 }).addTo(map);
    map.attributionControl.addAttribution("Natural Earth");
    const [world, index, data] = await Promise.all([
      getJSON("/static/vendor/ne/countries-50m.json"),
      getJSON("/static/vendor/admin1/index.json"),
      getJSON(box.dataset.points),
    ]);
    const countries = topojson.feature(world, world.objects.countries);
    L.geoJSON(countries, {
      interactive: false,
      style: { color: "#8a8a8a", weight: 1, fillColor: "#f4f1ea", fillOpacity: tiles ? 0 : 1 },
    }).addTo(map);
    const labels = L.layerGroup();
    for (const feature of countries.features) {
      const name = feature.properties && feature.properties.name;
      if (!name) continue;
      const center = L.geoJSON(feature).getBounds().getCenter();
      const node = text("span", name, "place-label");
      labels.addLayer(L.marker(center, { icon: L.divIcon({ html: node, className: "", iconSize: null }), interactive: false }));
    }
    const admin1 = L.layerGroup().addTo(map);
    const loaded = new Set();
    async function refreshDetail() {
      if (map.getZoom() >= 4) labels.addTo(map); else labels.remove();
      if (map.getZoom() < 5) return;
      const view = map.getBounds();
      for (const [code, [w, s, e, n]] of Object.entries(index)) {
        if (loaded.has(code) || !view.intersects(L.latLngBounds([s, w], [n, e]))) continue;
        loaded.add(code);
        const topo = await getJSON(`/static/vendor/admin1/${code}.topo.json`);
        const shapes = topojson.feature(topo, topo.objects[Object.keys(topo.objects)[0]]);
        L.geoJSON(shapes, { interactive: false, style: { color: "#b0a99a", weight: 0.7, dashArray: "3 3", fill: false } }).addTo(admin1);
      }
    }
    map.on("zoomend moveend", refreshDetail);

    const types = [...new Set(data.points.map((p) => p.type))].sort();
    legend(types.length ? types : Object.keys(COLOURS));
    const cluster = L.markerClusterGroup({ maxClusterRadius: 40, chunkedLoading: true });
    const located = [];
    for (const p of data.points) {
      const marker = L.circleMarker([p.lat, p.lon], {
        radius: 5 + Math.min(14, Math.sqrt(p.fatalities)),
        color: "#222",
        weight: 1,
        fillColor: colour(p.type),
        fillOpacity: 0.85,
        className: "event-marker",
      });
      const label = `${p.events} × ${p.type}${p.location ? " · " + p.location : ""} · ${p.fatalities} deaths`;
      marker.bindTooltip(text("span", label));
      marker.on("click", () => { window.location.href = `/events/${p.first_id}`; });
      cluster.addLayer(marker);
      located.push([p.lat, p.lon]);
    }
    map.addLayer(cluster);
    if (located.length) map.fitBounds(L.latLngBounds(located).pad(0.3), { maxZoom: 8 });
    box.dataset.ready = String(data.points.length);
  }

  function run(step) {
    step().catch((error) => {
      const box = document.getElementById(step === drawMap ? "map" : "timeline");
      if (box) box.appendChild(text("p", "Could not draw: " + (error && error.message ? error.message : String(error)), "muted"));
    });
  }
  document.addEventListener("DOMContentLoaded", () => {
    run(drawTimeline);
    run(drawMap);
  });
})();
