// The participants' page: join, rate the opened stakeholders, propose ties, cast dots.
// Every word comes from /api/messages/<lang> (the app's catalogue). The room token arrives
// after '#' in the QR link (never sent in a URL); the device token is kept in this
// browser so a participant who reloads or reconnects resumes where they were.
"use strict";

const FIELDS = {
  power: [1, 2, 3, 4, 5],
  interest: [1, 2, 3, 4, 5],
  position: [-2, -1, 0, 1, 2],
  influence: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
};
const $ = (id) => document.getElementById(id);
let words = {};
let device = localStorage.getItem("workshop-device");
let sequence = 0;
let shown = "";
let queue = Promise.resolve();

function say(key, values) {
  let text = words[key] || key;
  for (const [name, value] of Object.entries(values || {})) text = text.replace(`{${name}}`, value);
  return text;
}

function showError(code) {
  const box = $("error");
  if (!code) { box.hidden = true; box.textContent = ""; return; }
  box.textContent = say("error_" + code);
  box.hidden = false;
}

async function call(method, path, body) {
  const headers = { "Content-Type": "application/json" };
  if (device) headers.Authorization = "Bearer " + device;
  let response;
  try {
    response = await fetch(path, { method, headers, body: body ? JSON.stringify(body) : undefined,
      cache: "no-store", referrerPolicy: "no-referrer" });
  } catch (error) {
    $("status").textContent = say("offline");
    throw error;
  }
  $("status").textContent = "";
  const data = await response.json().catch(() => ({ error: "bad_json" }));
  if (!response.ok) {
    if (data.error === "bad_token") { forget(); }
    showError(data.error);
    throw new Error(data.error);
  }
  showError(null);
  return data;
}

// One request at a time, in order, each with the next sequence number.
function send(path, body) {
  const step = queue.then(() => { sequence += 1; return call("POST", path, { ...body, sequence }); });
  queue = step.catch(() => {});
  return step;
}

function forget() {
  device = null;
  localStorage.removeItem("workshop-device");
  $("room").hidden = true;
  $("join").hidden = false;
}

function scale(card, name, value) {
  const set = document.createElement("fieldset");
  const legend = document.createElement("legend");
  legend.textContent = say(name);
  set.append(legend);
  const row = document.createElement("div");
  row.className = "scale";
  const group = `${card}-${name}`;
  for (const option of [...FIELDS[name], null]) {
    const label = document.createElement("label");
    const input = document.createElement("input");
    input.type = "radio";
    input.name = group;
    input.value = option === null ? "" : String(option);
    input.checked = option === value || (option === null && value === null);
    const face = document.createElement("span");
    if (option === null) {
      face.textContent = say("dont_know");
    } else {
      face.className = "number";
      const signed = name === "position" && option !== 0;
      face.textContent = signed ? (option > 0 ? "+" : "\u2212") + Math.abs(option) : String(option);
    }
    label.append(input, face);
    row.append(label);
  }
  set.append(row);
  return set;
}

function renderCards(state) {
  const cards = $("cards");
  cards.replaceChildren();
  for (const s of state.stakeholders) {
    const mine = state.ratings[s.id] || {};
    const card = document.createElement("form");
    card.className = "card";
    card.dataset.id = s.id;
    const title = document.createElement("h3");
    title.textContent = s.name;
    const category = document.createElement("p");
    category.className = "category";
    category.textContent = s.category;
    card.append(title, category);
    for (const name of Object.keys(FIELDS)) card.append(scale(s.id, name, name in mine ? mine[name] : undefined));
    const button = document.createElement("button");
    button.type = "submit";
    button.textContent = say("send");
    const note = document.createElement("p");
    note.className = "sent";
    note.hidden = !state.ratings[s.id];
    note.textContent = say("sent");
    card.append(button, note);
    if (state.revealed && state.revealed[s.id]) {
      const median = document.createElement("p");
      median.className = "median";
      median.textContent = say("results_heading") + ": " + Object.keys(FIELDS)
        .map((n) => `${say(n)} ${state.revealed[s.id][n] ?? "–"}`).join(" · ");
      card.append(median);
    }
    card.addEventListener("submit", (event) => {
      event.preventDefault();
      const body = { stakeholder: s.id };
      for (const name of Object.keys(FIELDS)) {
        const picked = card.querySelector(`input[name="${s.id}-${name}"]:checked`);
        body[name] = picked && picked.value !== "" ? Number(picked.value) : null;
      }
      send("/api/rate", body).then(() => { note.hidden = false; }, () => {});
    });
    cards.append(card);
  }
}

function fill(select, items) {
  const keep = select.value;
  select.replaceChildren(...items.map(([value, text]) => new Option(text, value)));
  if (items.some(([value]) => value === keep)) select.value = keep;
}

function renderVotes(state) {
  const used = Object.values(state.votes).reduce((a, b) => a + b, 0);
  $("dots-left").textContent = say("dots_left", { count: state.dots - used });
  const list = $("votes");
  list.replaceChildren();
  for (const s of state.stakeholders) {
    const item = document.createElement("li");
    const name = document.createElement("span");
    name.className = "name";
    name.textContent = s.name;
    const count = document.createElement("span");
    count.className = "count";
    count.textContent = String(state.votes[s.id] || 0);
    const less = document.createElement("button");
    less.type = "button";
    less.textContent = "−";
    less.setAttribute("aria-label", `${s.name} −1`);
    const more = document.createElement("button");
    more.type = "button";
    more.textContent = "+";
    more.setAttribute("aria-label", `${s.name} +1`);
    const change = (by) => {
      const dots = (state.votes[s.id] || 0) + by;
      send("/api/vote", { stakeholder: s.id, dots }).then(refresh, () => {});
    };
    less.addEventListener("click", () => change(-1));
    more.addEventListener("click", () => change(1));
    item.append(name, less, count, more);
    list.append(item);
  }
}

function render(state) {
  $("join").hidden = true;
  $("room").hidden = false;
  $("who").textContent = state.nickname ? say("joined_as", { name: state.nickname }) : say("joined_anonymously");
  sequence = Math.max(sequence, state.sequence);
  const key = JSON.stringify([state.stakeholders, state.revealed, state.votes]);
  if (key === shown) return;
  shown = key;
  const any = state.stakeholders.length > 0;
  $("waiting").hidden = any;
  $("propose-box").hidden = state.stakeholders.length < 2;
  $("votes-box").hidden = !any;
  renderCards(state);
  const names = state.stakeholders.map((s) => [s.id, s.name]);
  fill($("source"), names);
  fill($("target"), names);
  if ($("source").value === $("target").value && names.length > 1) $("target").value = names[1][0];
  fill($("kind"), state.kinds.map((k) => [k.id, k.name]));
  fill($("strength"), [1, 2, 3, 4, 5].map((n) => [String(n), String(n)]));
  if (!$("strength").dataset.touched) $("strength").value = "3";
  renderVotes(state);
}

async function refresh() {
  if (!device) return;
  try { render(await call("GET", "/api/state")); } catch (error) { /* shown already */ }
}

async function start() {
  const hash = location.hash.slice(1);
  if (hash) {
    sessionStorage.setItem("workshop-room", hash);
    history.replaceState(null, "", location.pathname);
  }
  const room = sessionStorage.getItem("workshop-room");
  const lang = (navigator.language || "en").slice(0, 2);
  words = await (await fetch("/api/messages/" + encodeURIComponent(lang))).json();
  document.documentElement.lang = words.lang;
  document.documentElement.dir = words.dir;
  document.title = say("title");
  for (const node of document.querySelectorAll("[data-text]")) node.textContent = say(node.dataset.text);
  $("code-row").hidden = Boolean(room);
  $("join-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const credential = sessionStorage.getItem("workshop-room") || $("code").value.trim();
    try {
      const joined = await call("POST", "/api/join", { room: credential, nickname: $("nickname").value });
      device = joined.device;
      localStorage.setItem("workshop-device", device);
      sequence = 0;
      shown = "";
      await refresh();
    } catch (error) { /* shown already */ }
  });
  $("strength").addEventListener("change", () => { $("strength").dataset.touched = "1"; });
  $("propose-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const body = { source: $("source").value, target: $("target").value, kind: $("kind").value,
      strength: Number($("strength").value) };
    send("/api/propose", body).then(() => { $("status").textContent = say("proposed"); }, () => {});
  });
  if (device) await refresh();
  else $("join").hidden = false;
  setInterval(refresh, 2000);
}

start();
