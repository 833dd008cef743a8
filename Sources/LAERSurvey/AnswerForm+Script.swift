extension AnswerForm {
    /// What the form does in the browser: keeps every answer in `localStorage` the moment it is
    /// given, restores them when the file is opened again, offers last time's answers until each
    /// is kept or changed, counts what is answered, and writes the `laer-answers/1` file.
    ///
    /// It reads the questionnaire from the `laer-form-data` block and writes text only through
    /// `textContent`, so no questionnaire or answer text ever becomes markup.
    static let script = #"""
        (() => {
          "use strict";
          const data = JSON.parse(document.getElementById("laer-form-data").textContent);
          const storageKey = `laer-form/1:${data.questionnaire.id}@${data.questionnaire.version}:${data.form}`;
          const ratingWords = data.ratings;
          const phaseNames = Object.fromEntries(data.phases.map((phase) => [phase.id, phase.name]));
          const respondentFields = ["name", "role", "organization"];
          const fields = [...respondentFields, "period"];
          const byId = (id) => document.getElementById(id);
          const trimmed = (text) => (typeof text === "string" ? text.trim() : "");

          // Every question by its element key: what it asks and how its answer is read and written.
          const questions = new Map();
          data.markers.forEach((marker) => {
            questions.set(marker.placement, { kind: "placement", id: marker.id, label: marker.label });
          });
          data.capabilities.forEach((capability) => {
            questions.set(capability.key, { kind: "capability", id: capability.id, label: capability.label });
          });
          data.roadSigns.forEach((sign) => {
            questions.set(sign.key, { kind: "roadSign", id: sign.id, label: sign.label });
          });
          const store = { placement: "placements", capability: "answers", roadSign: "roadSigns" };

          // Under each question, made once: last time's answer, and the buttons that keep it and clear an answer.
          const controls = new Map();
          questions.forEach((question, key) => {
            const line = document.createElement("p");
            line.className = "question-actions";
            const previous = document.createElement("span");
            previous.className = "previous";
            const control = { line, previous };
            [["keep", "Keep last time's answer"], ["clear", "Clear the answer"]].forEach(([action, label]) => {
              const button = document.createElement("button");
              button.type = "button";
              button.className = "small";
              button.dataset[action] = key;
              button.textContent = label;
              control[action] = button;
            });
            line.append(previous, " ", control.keep, " ", control.clear);
            byId(key).append(line);
            controls.set(key, control);
          });

          const initialState = () => ({
            respondent: { name: data.respondent.name, role: data.respondent.role, organization: data.respondent.organization },
            period: data.period, placements: {}, answers: {}, notes: {}, roadSigns: {}, previous: data.previous, savedAt: null,
          });

          let storage = null;
          try {
            storage = window.localStorage;
            const probe = `${storageKey}:probe`;
            storage.setItem(probe, "1");
            storage.removeItem(probe);
          } catch (error) {
            storage = null;
          }

          const load = () => {
            if (!storage) return null;
            try {
              const saved = JSON.parse(storage.getItem(storageKey) || "null");
              if (!saved || typeof saved !== "object") return null;
              const state = Object.assign(initialState(), saved);
              // What another version of this script kept, or a hand-edited entry, never breaks the form.
              ["respondent", "placements", "answers", "notes", "roadSigns"].forEach((part) => {
                if (!state[part] || typeof state[part] !== "object") state[part] = initialState()[part];
              });
              return state;
            } catch (error) {
              return null;
            }
          };

          let state = load();
          const restored = state !== null;
          if (!state) state = initialState();

          const status = byId("status");
          let statusTimer = 0;
          const say = (text, warn = false) => {
            clearTimeout(statusTimer);
            status.textContent = text;
            status.classList.toggle("warn", warn);
          };
          const time = (iso) => new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit" });
          const noStorage = "This browser is not keeping your answers (its storage is off for this file): download them before you close the page.";

          // Saves at once; says so at once, or, while someone types, a moment after the last key.
          const save = (typing = false) => {
            state.savedAt = new Date().toISOString();
            if (!storage) return say(noStorage, true);
            try {
              storage.setItem(storageKey, JSON.stringify(state));
            } catch (error) {
              return say(`Your last answer could not be kept in this browser (${error.name}): download your answers now.`, true);
            }
            const text = `Saved in this browser at ${time(state.savedAt)}.`;
            if (!typing) return say(text);
            clearTimeout(statusTimer);
            statusTimer = setTimeout(() => say(text), 1000);
          };

          const given = (question) => state[store[question.kind]][question.id];
          const offered = (question) => {
            const previous = state.previous && state.previous[store[question.kind]];
            return previous ? previous[question.id] : undefined;
          };
          const valueOf = (question, answer) => {
            if (answer === undefined) return undefined;
            if (question.kind === "capability") return answer.rating;
            if (question.kind === "roadSign") return answer ? "yes" : "no";
            return answer;
          };
          // The answer a radio's value records: the inverse of valueOf.
          const answerFrom = (question, value) => {
            if (question.kind === "capability") return { rating: value };
            if (question.kind === "roadSign") return value === "yes";
            return value;
          };
          const words = (question, answer) => {
            if (question.kind === "capability") return ratingWords[answer.rating];
            if (question.kind === "roadSign") return answer ? "yes" : "no";
            return phaseNames[answer] || answer;
          };

          const showQuestion = (key) => {
            const question = questions.get(key);
            const answer = given(question);
            const previous = answer === undefined ? offered(question) : undefined;
            const shown = valueOf(question, answer !== undefined ? answer : previous);
            document.getElementsByName(key).forEach((input) => { input.checked = input.value === shown; });
            const element = byId(key);
            element.classList.toggle("answered", answer !== undefined);
            element.classList.toggle("from-previous", previous !== undefined);
            const control = controls.get(key);
            control.previous.hidden = previous === undefined;
            control.previous.textContent = "";
            if (previous !== undefined) {
              const mark = document.createElement("span");
              mark.className = "mark";
              mark.textContent = "last time";
              const note = question.kind === "capability" && previous.note ? `, with the note “${previous.note}”` : "";
              control.previous.append(mark, ` ${words(question, previous)}${note}: not counted until you keep or change it.`);
            }
            control.keep.hidden = previous === undefined;
            control.clear.hidden = answer === undefined;
            control.line.hidden = control.keep.hidden && control.clear.hidden;
            if (question.kind === "capability") {
              const note = byId(`${key}-note`);
              const text = state.notes[question.id] || "";
              if (note.value !== text) note.value = text;
            }
          };

          const counts = (keys) => {
            const answered = keys.filter((key) => given(questions.get(key)) !== undefined).length;
            return { answered, total: keys.length };
          };
          const showCount = (prefix, keys) => {
            const { answered, total } = counts(keys);
            byId(`${prefix}-count`).textContent = `${answered} of ${total}`;
            const bar = byId(`${prefix}-progress`);
            bar.max = Math.max(total, 1);
            bar.value = answered;
          };

          const reviewList = (title, keys, explanation) => {
            const wrapper = document.createElement("div");
            const heading = document.createElement("h3");
            heading.textContent = `${title} (${keys.length})`;
            wrapper.append(heading);
            if (explanation) {
              const text = document.createElement("p");
              text.textContent = explanation;
              wrapper.append(text);
            }
            const list = document.createElement("ul");
            keys.forEach((key) => {
              const item = document.createElement("li");
              const link = document.createElement("a");
              link.href = `#${key}`;
              link.textContent = questions.get(key).label;
              item.append(link);
              list.append(item);
            });
            wrapper.append(list);
            return wrapper;
          };

          const showProgress = () => {
            data.markers.forEach((marker) => showCount(marker.key, [marker.placement, ...marker.capabilities]));
            showCount("road-signs", data.roadSigns.map((sign) => sign.key));
            const keys = [...questions.keys()];
            const { answered, total } = counts(keys);
            byId("overall-count").textContent = `${answered} of ${total}`;
            const overall = byId("overall");
            overall.max = Math.max(total, 1);
            overall.value = answered;

            const open = keys.filter((key) => given(questions.get(key)) === undefined);
            const toKeep = open.filter((key) => offered(questions.get(key)) !== undefined);
            const unanswered = open.filter((key) => offered(questions.get(key)) === undefined);
            const orphanNotes = data.capabilities
              .filter((capability) => state.answers[capability.id] === undefined && (state.notes[capability.id] || "").trim())
              .map((capability) => capability.key);
            byId("review-summary").textContent = open.length === 0
              ? `Every question is answered (${total} of ${total}).`
              : `${answered} of ${total} questions answered; ${open.length} still open. A question left blank is listed to verify, never taken as a “not”.`;
            const lists = byId("review-lists");
            lists.textContent = "";
            if (toKeep.length) lists.append(reviewList("Last time's answers not yet kept", toKeep, "They go into the file once you keep or change them."));
            if (unanswered.length) lists.append(reviewList("Not answered yet", unanswered));
            if (orphanNotes.length) lists.append(reviewList("Notes without a rating", orphanNotes, "A note goes into the file with its rating: rate these, or the note stays here."));
          };

          const showAll = () => {
            fields.forEach((field) => {
              const input = byId(field);
              const value = field === "period" ? state.period : state.respondent[field];
              if (input.value !== (value || "")) input.value = value || "";
            });
            questions.forEach((question, key) => showQuestion(key));
            showProgress();
          };

          const record = (key, answer) => {
            const question = questions.get(key);
            if (answer === undefined) delete state[store[question.kind]][question.id];
            else state[store[question.kind]][question.id] = answer;
            showQuestion(key);
            showProgress();
            save();
          };

          // Keeping last time's answer records it as this time's, with its note where none was typed.
          const keep = (key) => {
            const question = questions.get(key);
            const previous = offered(question);
            if (previous === undefined || given(question) !== undefined) return;
            if (question.kind === "capability") {
              if (previous.note && !state.notes[question.id]) state.notes[question.id] = previous.note;
              record(key, { rating: previous.rating });
            } else {
              record(key, previous);
            }
          };

          document.addEventListener("change", (event) => {
            const input = event.target;
            if (input.type === "radio" && questions.has(input.name)) {
              const question = questions.get(input.name);
              record(input.name, answerFrom(question, input.value));
            } else if (input.id === "load-previous" && input.files.length) {
              readPrevious(input.files[0]);
              input.value = "";
            } else if (fields.includes(input.id) || input.id.endsWith("-note")) {
              save();
            }
          });

          // A click on the answer already shown from last time keeps it.
          document.addEventListener("click", (event) => {
            const target = event.target;
            if (target.type === "radio" && questions.has(target.name)) {
              const question = questions.get(target.name);
              if (given(question) === undefined && valueOf(question, offered(question)) === target.value) keep(target.name);
              return;
            }
            const button = target.closest("button");
            if (!button) return;
            if (button.dataset.keep) keep(button.dataset.keep);
            else if (button.dataset.clear) {
              record(button.dataset.clear, undefined);
              byId(button.dataset.clear).focus();
            } else if (button.dataset.action === "download") download();
            else if (button.dataset.action === "copy") copy();
            else if (button.dataset.action === "start-over") startOver();
          });

          document.addEventListener("input", (event) => {
            const input = event.target;
            if (fields.includes(input.id)) {
              if (input.id === "period") state.period = input.value;
              else state.respondent[input.id] = input.value;
              save(true);
            } else if (input.id.endsWith("-note")) {
              const key = input.id.slice(0, -"-note".length);
              const question = questions.get(key);
              if (!question) return;
              const hadNote = Boolean(trimmed(state.notes[question.id]));
              if (input.value) state.notes[question.id] = input.value;
              else delete state.notes[question.id];
              const hasNote = Boolean(input.value.trim());
              // A note typed to last time's rating changes that answer: the rating counts with it.
              const kept = given(question) === undefined && offered(question) !== undefined && hasNote;
              if (kept) {
                state.answers[question.id] = { rating: offered(question).rating };
                showQuestion(key);
              }
              // The counts and the review change only when an answer is made or a note starts or ends.
              if (kept || hadNote !== hasNote) showProgress();
              save(true);
            }
          });

          // Another window of the same form changed the answers: show them, so neither overwrites the other.
          window.addEventListener("storage", (event) => {
            if (event.key !== storageKey) return;
            state = load() || initialState();
            showAll();
            say("Updated with the answers given in another window of this form.");
          });

          // The answer file, as laer reads it: only what was given or kept.
          const answerFile = () => {
            const file = { schema: data.schema, questionnaire: { id: data.questionnaire.id, version: data.questionnaire.version } };
            const respondent = {};
            respondentFields.forEach((field) => {
              const value = trimmed(state.respondent[field]);
              if (value) respondent[field] = value;
            });
            if (Object.keys(respondent).length) file.respondent = respondent;
            const today = new Date();
            const pad = (number) => String(number).padStart(2, "0");
            file.assessedOn = `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`;
            const period = trimmed(state.period);
            if (period) file.period = period;
            file.placements = {};
            data.markers.forEach((marker) => {
              if (state.placements[marker.id]) file.placements[marker.id] = state.placements[marker.id];
            });
            file.answers = {};
            data.capabilities.forEach((capability) => {
              const answer = state.answers[capability.id];
              if (!answer) return;
              const entry = { rating: answer.rating };
              const note = trimmed(state.notes[capability.id]);
              if (note) entry.note = note;
              file.answers[capability.id] = entry;
            });
            file.roadSigns = {};
            data.roadSigns.forEach((sign) => {
              if (typeof state.roadSigns[sign.id] === "boolean") file.roadSigns[sign.id] = state.roadSigns[sign.id];
            });
            return `${JSON.stringify(file, null, 2)}\n`;
          };

          // "acme-ada-lovelace-2026-q4.json": organization, respondent and period, in letters, digits and dashes.
          const fileName = () => {
            const parts = [state.respondent.organization, state.respondent.name, state.period]
              .map((part) => trimmed(part).toLowerCase().normalize("NFC").replace(/[^\p{L}\p{M}\p{N}]+/gu, "-").replace(/^-+|-+$/g, ""))
              .filter((part) => part);
            const stem = parts.join("-").slice(0, 80).replace(/-+$/, "");
            return `${stem || "laer-answers"}.json`;
          };

          const openCount = () => [...questions.values()].filter((question) => given(question) === undefined).length;

          const download = () => {
            const url = URL.createObjectURL(new Blob([answerFile()], { type: "application/json" }));
            const link = document.createElement("a");
            link.href = url;
            link.download = fileName();
            document.body.append(link);
            link.click();
            link.remove();
            setTimeout(() => URL.revokeObjectURL(url), 60000);
            const open = openCount();
            say(`Downloaded ${link.download}${open ? ` (${open} questions still open)` : ""}: send that file back.`);
          };

          const copy = () => {
            const text = answerFile();
            const fallback = () => {
              const box = byId("copy-fallback");
              box.hidden = false;
              const area = byId("copy-text");
              area.value = text;
              area.focus();
              area.select();
              say("Your answers are selected below: copy them (Ctrl+C or ⌘C) into your reply.");
            };
            if (!navigator.clipboard) return fallback();
            navigator.clipboard.writeText(text).then(
              () => say("Copied your answers: paste them into your reply."),
              fallback,
            );
          };

          const startOver = () => {
            if (!window.confirm("Start over? Every answer this browser keeps for this form is cleared. This cannot be undone.")) return;
            if (storage) storage.removeItem(storageKey);
            state = initialState();
            showAll();
            byId("copy-fallback").hidden = true;
            say("Started over: every answer is cleared.");
            byId("about").focus();
          };

          // Last time's answer file, chosen or dropped: its answers are offered, each marked, until kept or changed.
          const readPrevious = (file) => {
            file.text().then((text) => {
              let parsed;
              try {
                parsed = JSON.parse(text.replace(/^\uFEFF/, ""));
              } catch (error) {
                return say(`${file.name} is not an answer file: it does not read as JSON (${error.message}).`, true);
              }
              if (!parsed || parsed.schema !== data.schema) {
                return say(`${file.name} is not a ${data.schema} answer file: choose the file downloaded from this form last time.`, true);
              }
              const made = parsed.questionnaire || {};
              if (made.id !== data.questionnaire.id) {
                return say(`${file.name} answers the questionnaire “${made.id}”, and this form asks “${data.questionnaire.id}”: choose another file.`, true);
              }
              const previous = { file: file.name, period: trimmed(parsed.period), placements: {}, answers: {}, roadSigns: {} };
              let left = 0;
              Object.entries(parsed.placements || {}).forEach(([id, phase]) => {
                if (data.markers.some((marker) => marker.id === id) && phaseNames[phase]) previous.placements[id] = phase;
                else left += 1;
              });
              Object.entries(parsed.answers || {}).forEach(([id, answer]) => {
                const rating = answer && typeof answer.rating === "string" ? answer.rating.trim().toLowerCase() : "";
                if (data.capabilities.some((capability) => capability.id === id) && ratingWords[rating]) {
                  previous.answers[id] = { rating, note: trimmed(answer.note) };
                } else {
                  left += 1;
                }
              });
              Object.entries(parsed.roadSigns || {}).forEach(([id, seen]) => {
                if (data.roadSigns.some((sign) => sign.id === id) && typeof seen === "boolean") previous.roadSigns[id] = seen;
                else left += 1;
              });
              state.previous = previous;
              const respondent = parsed.respondent || {};
              respondentFields.forEach((field) => {
                if (!trimmed(state.respondent[field]) && trimmed(respondent[field])) state.respondent[field] = trimmed(respondent[field]);
              });
              showAll();
              save();
              const offeredCount = Object.keys(previous.answers).length + Object.keys(previous.placements).length + Object.keys(previous.roadSigns).length;
              const skipped = left ? `; ${left} entries this form does not ask were left out` : "";
              say(`Filled with last time's answers from ${file.name}: ${offeredCount} answers, marked “last time” until you keep or change each${skipped}.`);
            }, (error) => say(`${file.name} could not be read (${error.message}).`, true));
          };

          document.addEventListener("dragover", (event) => {
            if (![...event.dataTransfer.types].includes("Files")) return;
            event.preventDefault();
            document.body.classList.add("dragging");
          });
          document.addEventListener("dragleave", (event) => {
            if (event.relatedTarget === null) document.body.classList.remove("dragging");
          });
          document.addEventListener("drop", (event) => {
            document.body.classList.remove("dragging");
            if (!event.dataTransfer.files.length) return;
            event.preventDefault();
            readPrevious(event.dataTransfer.files[0]);
          });

          // On paper, what counts as evidence is printed under every question.
          let closed = [];
          window.addEventListener("beforeprint", () => {
            closed = [...document.querySelectorAll("details:not([open])")];
            closed.forEach((details) => { details.open = true; });
          });
          window.addEventListener("afterprint", () => closed.forEach((details) => { details.open = false; }));

          showAll();
          if (!storage) say(noStorage, true);
          else if (restored) {
            const saved = state.savedAt ? ` (last saved ${new Date(state.savedAt).toLocaleString()})` : "";
            say(`Restored your answers, kept in this browser${saved}.`);
          }
          else say("Your answers are kept in this browser as you give them.");
        })();

        """#
}
