---@meta
-- luacheck: globals scenario meter system team reference inject action decision ending cut objective every include
--
-- bulkhead.lua: type annotations for the Bulkhead scenario API, for
-- lua-language-server (LuaLS, "sumneko") and the editors that use it (VS Code
-- "Lua" extension, Neovim, Helix, ...). It is documentation only: the game
-- never loads it, it declares nothing, and every function here has an empty
-- body. The reference it follows is scenarios/README.md; the rules come from
-- the engine (game/script/lh_decl.c, lh_world.c, lh_host.c, game/core/defs.c).
--
-- Use: point LuaLS at this folder. With the repository root as the workspace,
-- put this in a .luarc.json there (with scenarios/ as the workspace, write
-- "api" instead of "scenarios/api"):
--
--     {
--       "runtime.version": "Lua 5.4",
--       "workspace.library": ["scenarios/api"],
--       "runtime.builtin": {"io": "disable", "os": "disable",
--                           "debug": "disable", "package": "disable"}
--     }
--
-- ("runtime.builtin" is optional: it hides the libraries the sandbox does
-- not have. load, loadfile, dofile, require and collectgarbage are missing
-- too; LuaLS cannot hide those one by one, but luacheck with
-- scenarios/.luacheckrc reports them.)
--
-- Then `action { ... }` completes its field names, hooks know that `w` is a
-- World, and `channel = "emial"` or `w.fier(...)` is flagged as you type.
-- Ids (meter, system, inject ... ids) are plain strings here: the editor
-- cannot know which ones a scenario declares, but `bulkhead check FILE.lua`
-- does, and so does the engine, which names the unknown id with a
-- "did you mean" hint.
--
-- This file is in a subfolder, so neither the game's scenario list nor the
-- tests (both read scenarios/*.lua only) take it for a scenario.

-- ===========================================================================
-- Basic types
-- ===========================================================================

---A span of simulated time: a string of `<number><unit>` parts with units
---`s`, `m`, `h`, `d`, largest unit first and each unit at most once
---(`"90s"`, `"45m"`, `"2h"`, `"3d"`, `"1h30m"`; not `"30m1h"` nor `"1h30"`),
---or a whole number of seconds, 0 or more (`5400`). A string of digits
---alone (`"90"`) is seconds too.
---@alias Duration string|number

---Calendar time of T+0, `"YYYY-MM-DD HH:MM"` or `"YYYY-MM-DD HH:MM:SS"`
---(years 1900-2999), with no time zone.
---@alias DateTime string

---An id: 1 to 64 letters, digits, `_`, `-` or `.`. Unique within its kind
---(two meters may not share an id; a meter and a system may).
---@alias Id string
---Id of a declared `meter { }`.
---@alias MeterId string
---Id of a declared `system { }`.
---@alias SystemId string
---Id of a declared `team { }`.
---@alias TeamId string
---Id of a declared `reference { }`.
---@alias ReferenceId string
---Id of a declared `inject { }`.
---@alias InjectId string
---Id of a declared `action { }`.
---@alias ActionId string
---Id of a declared `decision { }`.
---@alias DecisionId string
---Id of one of a decision's options.
---@alias OptionId string
---Id of a declared `ending { }`.
---@alias EndingId string

---Text shown to players: valid UTF-8, at most 64 KiB, no control characters
---except tab and newline.
---@alias Text string

-- ===========================================================================
-- Enumerations (game/core/defs.c). Any other string is an error.
-- ===========================================================================

---The channel an inject arrives by.
---@alias Channel
---| "email"
---| "phone"
---| "news"
---| "social"
---| "regulator"
---| "internal"

---A system's status.
---@alias Status
---| "online"      # working normally (the default of `system { }`)
---| "degraded"
---| "compromised"
---| "encrypted"
---| "isolated"
---| "offline"
---| "restoring"

---Which of the four jobs an action belongs to.
---@alias Kind
---| "contain"
---| "communicate"
---| "restore"
---| "investigate"

---The incident-response function an action serves; the debrief groups
---actions by it and points out gaps ("Nothing in Detect before T+6h").
---@alias Func
---| "identify"
---| "protect"
---| "detect"
---| "respond"
---| "recover"

---How an ending reads: good, mixed or bad.
---@alias Tone
---| "good"
---| "mixed"
---| "bad"

---Whether an inject or action is drawn from public reporting of the incident,
---borrowed from another incident, or invented.
---@alias Source
---| "fact"    # reported by the real victim; needs a `ref` naming a `reference { }`
---| "analogy" # never reported by the victim, taken from another incident; `ref` (required) names that incident's `reference { }`
---| "fiction" # invented for the exercise

---@alias Difficulty
---| "easy"
---| "medium"
---| "hard"

---Which way a meter is better.
---@alias Good
---| "high" # higher is better (the default)
---| "low"  # lower is better (spread, cost, backlog...)

---What a flag holds. Whole numbers read back as integers.
---@alias FlagValue boolean|number|string|nil

-- ===========================================================================
-- Hooks: functions the engine calls with the world handle `w`.
-- ===========================================================================

---An effect: runs with full access to `w` (inject, action and option
---`effect`, an action's `start`, `every` and `w.after` functions).
---At most 10 million instructions per call.
---@alias Effect fun(w: World)

---A `when` condition: return true to fire, open or end. It may read `w` but
---not change it (no writes, no w.fire/open/after/note/finish) and may not
---draw w.random / math.random: each is an error. Any truthy value counts as
---true EXCEPT a string, which counts as false (it is read as the reason of a
---"no", as for `available`): return `w.chosen("x") ~= nil`, not `w.chosen("x")`.
---@alias Condition fun(w: World): boolean?

---An action's `available` condition: `true`; or `false, "reason"`; or a
---reason string alone (which also means no). The reason is shown to the
---players as why the action cannot start ("not available now" if none).
---Same restrictions as a `when` condition (read-only, no random).
---@alias Availability fun(w: World): boolean|string, string?

-- ===========================================================================
-- Declaration tables
-- ===========================================================================

---`scenario { }`: exactly one per scenario. Required: id, title, start, length.
---@class ScenarioDecl
---@field id Id The scenario's id.
---@field title Text The scenario's title.
---@field summary? Text One line for the scenario list.
---@field based_on? Text What it is modelled on, e.g. "public reporting of the September 2020 attack on CMA CGM".
---@field start DateTime Calendar time of T+0, e.g. "2020-09-27 22:00".
---@field length Duration The session ends (with the fallback ending) when this runs out; more than 0, at most 90 days.
---@field rate? number Simulated seconds per real second at 1x speed, 1 to 86400 (default 60: one simulated minute per real second).
---@field difficulty? Difficulty easy | medium | hard, for the briefing screen.
---@field briefing? Text Briefing text (for the briefing screen).
---@field organisation? Text The organisation the players run (briefing screen).
---@field stakes? Text What is at stake (briefing screen).
---@field check? Duration How often a `when` condition that reads `w.time` is checked while it waits, at least 1s (default "1m"); conditions are also checked after every change to what they read.

---`meter { }`: a number the scenario tracks, charted in the debrief.
---Writes through `w.meter[id]` are clamped to `[min, max]`.
---@class MeterDecl
---@field id Id The meter's id, as in `w.meter.<id>`.
---@field label Text Name shown on screen, e.g. "Customer trust".
---@field start number Value at T+0; must lie within min..max.
---@field min? number Lowest value (default 0); must be below max.
---@field max? number Highest value (default 100).
---@field good? Good "high" (default) or "low": which way is better.
---@field description? Text What the meter means.

---`system { }`: an IT system whose status the scenario tracks.
---@class SystemDecl
---@field id Id The system's id, as in `w.system.<id>.status`.
---@field label Text Name shown on screen, e.g. "Email".
---@field status? Status Status at T+0 (default "online").
---@field description? Text What the system is.

---`team { }`: people who carry out actions. An action occupies `staff` people
---of its team while it runs; a team with too few free people cannot start it.
---@class TeamDecl
---@field id Id The team's id, as in an action's `team` and `w.team.<id>`.
---@field label Text Name shown on screen, e.g. "IT & security".
---@field staff integer Total people, a whole number from 0 to 100000.

---`reference { }`: a public source. A `ref` on an inject or action must name
---one; the debrief shows the citation beside every fact and analogy.
---@class ReferenceDecl
---@field id Id The reference's id, as in `ref = "<id>"`.
---@field title Text Title of the source, e.g. "Ransomware Response Checklist".
---@field cite Text The citation, e.g. "CISA and MS-ISAC, September 2020 (cisa.gov)".

---The table form of `facilitator`: at least one of its parts. Facilitator-only
---content never enters anything the players see.
---@class FacilitatorNote
---@field good? Text What a good answer or move looks like.
---@field expected? Text What rooms usually do here.
---@field hint? Text A nudge the facilitator may give a room that is stuck.

---`inject { }`: a message delivered to the inbox. It fires at `at`, or when
---`when` holds, or (with neither) only through `w.fire(id)`; `at` and `when`
---together are an error. It is delivered once (unless `repeatable`), and then
---its `effect` runs.
---@class InjectDecl
---@field id Id The inject's id, as in `w.fire("<id>")`.
---@field at? Duration Fire at this time after T+0 (do not also give `when`).
---@field when? Condition Fire the first time this holds (do not also give `at`).
---@field after? Duration Check `when` only from this time on (instead of starting it with `w.time >= ...`, which is checked every `check` interval while it waits).
---@field channel Channel Where it arrives: email | phone | news | social | regulator | internal.
---@field from? Text Sender, e.g. "Shanghai office".
---@field title Text Subject line in the inbox.
---@field body? Text The message itself.
---@field source? Source "fact" (with `ref`), "analogy" (with `ref`, required) or "fiction"; `bulkhead check` warns when it is missing.
---@field ref? ReferenceId The `reference { }` a fact comes from, or the other incident an analogy is taken from.
---@field discuss? Text|Text[] Facilitator questions for the hot wash (a list, or one string; at most 100).
---@field effect? Effect Runs right after delivery.
---@field repeatable? boolean If true, `w.fire` may deliver it again (default false).
---@field facilitator? Text|FacilitatorNote Guidance for the facilitator alone (the console, the pack); never shown to the players.

---`action { }`: something the players can start. It is unavailable while it
---runs, after it completed (unless `repeatable`, or standing: see `every`),
---when `available` says so, and when its team lacks free staff. Cancelling a
---running action frees its staff; its `effect` never runs again.
---@class ActionDecl
---@field id Id The action's id, as in `w.done("<id>")`.
---@field kind Kind contain | communicate | restore | investigate.
---@field label Text Short name on the action list, e.g. "Isolate hosts at the switch".
---@field text? Text Longer description.
---@field team TeamId The `team { }` that carries it out.
---@field staff? integer People of that team it occupies while it runs, 0 to 100000 (default 1).
---@field takes Duration How long it runs, e.g. "45m".
---@field source? Source "fact" (with `ref`), "analogy" (with `ref`, required) or "fiction"; `bulkhead check` warns when it is missing.
---@field ref? ReferenceId The `reference { }` a fact comes from, or the other incident an analogy is taken from.
---@field func? Func identify | protect | detect | respond | recover (for the debrief).
---@field recommended? boolean The debrief marks it as what responders advise.
---@field available? Availability true, or false plus a reason (read-only condition).
---@field start? Effect Runs when the action starts.
---@field cancel? Effect Runs when players cancel the running action: undo what `start` set up.
---@field effect? Effect Runs when the action completes (not when it is cancelled).
---@field repeatable? boolean If true, it may be done again after it completes (default false).
---@field every? Duration|string[] A standing commitment: once started it holds its staff until cancelled, and `effect` runs when `takes` has elapsed and then every `every` ("1d"; 10 minutes to the scenario's length), or at each time of the day in the list ({ "09:00", "17:00" }). Each run counts in `w.done`; after a cancel it may start again. Not with `repeatable`.
---@field facilitator? Text|FacilitatorNote Guidance for the facilitator alone (the console, the pack); never shown to the players.

---One option of a `decision { }`.
---@class OptionDecl
---@field id Id The option's id, as in `default = "<id>"` and `w.chosen()`; unique within the decision.
---@field label Text Short text of the choice, e.g. "Refuse and involve law enforcement".
---@field text? Text Optional longer text.
---@field effect? Effect Runs when the option is taken, by the players or by the deadline.
---@field recommended? boolean The debrief marks it as what responders advise.

---`decision { }`: a choice with a deadline. It opens once: at `at`, when
---`when` holds, or through `w.open(id)` (`at` and `when` together are an
---error). When the deadline passes, the `default` option is taken.
---@class DecisionDecl
---@field id Id The decision's id, as in `w.open("<id>")` and `w.chosen("<id>")`.
---@field prompt Text The question, e.g. "The attackers offer a 'special price' for 48 hours. What do you do?".
---@field from? Text Who asks, e.g. "Executive committee".
---@field deadline Duration Time to decide, from the moment it opens; more than 0.
---@field default OptionId The option taken when the deadline passes; must be one of `options`.
---@field options OptionDecl[] The choices: a list of 2 to 12 options.
---@field at? Duration Open at this time after T+0 (do not also give `when`).
---@field when? Condition Open the first time this holds (do not also give `at`).
---@field after? Duration Check `when` only from this time on (instead of starting it with `w.time >= ...`, which is checked every `check` interval while it waits).
---@field discuss? Text|Text[] Facilitator questions for the hot wash (a list, or one string; at most 100).
---@field facilitator? Text|FacilitatorNote Guidance for the facilitator alone (the console, the pack); never shown to the players.

---`ending { }`: how the session can end. Endings with `when` are checked in
---declaration order; the first that holds ends the session. When `length`
---runs out, the `fallback` ending is used (exactly one ending should be the
---fallback; two are an error). `w.finish(id)` ends with any of them.
---@class EndingDecl
---@field id Id The ending's id, as in `w.finish("<id>")`.
---@field title Text The ending's title, e.g. "Contained".
---@field text? Text What happened.
---@field when? Condition End the session when this holds.
---@field after? Duration Check `when` only from this time on (instead of starting it with `w.time >= ...`, which is checked every `check` interval while it waits).
---@field fallback? boolean The ending used when `length` runs out.
---@field tone? Tone good | mixed | bad.
---@field findings? Finding[] Sentences shown under the text only when their `when` held at the end of this session (at most 24).

---One of an ending's findings: judged once when the session ends, like an
---objective's `met` (read-only); shown only when it held.
---@class Finding
---@field text Text What this session did, e.g. "The first statement called it an IT issue."
---@field when Condition True when the session had it.

---`cut { }`: a shorter session of the scenario, fitted to a workshop. A
---session played in a cut lasts `length` instead of the scenario's length,
---at the cut's `rate` if it gives one. When its time runs out, an ending
---whose `when` holds comes first, then the cut's `ending`, then the fallback.
---@class CutDecl
---@field id Id The cut's id, as in `bulkhead run --cut <id>` and a journal's `cut <id>` line.
---@field label Text Name on the briefing, e.g. "The first 48 hours".
---@field length Duration Simulated time the cut covers; more than 0, at most the scenario's length.
---@field agenda integer The planned workshop time in real minutes, 1 to 1440 (the agenda clock compares against it).
---@field rate? number Simulated seconds per real second at 1x for this cut, 1 to 86400 (default: the scenario's rate).
---@field ending? EndingId The ending used when the cut's time runs out and no `when` ending holds (default: the fallback).

---`objective { }`: an exercise objective, what the room sets out to do.
---`met` is judged once, when the session ends (by an ending, by its length
---or by the facilitator's `end`), never before; like a condition it may
---only read `w`. The debrief and the reports say met, not met, or not
---judged (the session did not end, or `met` raised an error).
---@class ObjectiveDecl
---@field id Id The objective's id, unique among the objectives.
---@field text Text What the room should do, as the debrief shows it, e.g. "Do not pay the ransom".
---@field met Condition true when the session did it. `w.done` and `w.fired` return counts: compare them (`w.done("x") > 0`), since 0 is true in Lua.

-- ===========================================================================
-- The world handle `w` (game/script/lh_world.c)
-- ===========================================================================

---`w.system[id]`: one system. Reading an undeclared id is an error.
---@class SystemHandle
---@field status Status Read or write the system's status; any other string is an error.
---@field label string The declared label (read-only).
---@field id SystemId The system's id (read-only).

---`w.team[id]`: one team. Reading an undeclared id is an error.
---@class TeamHandle
---@field staff integer Read or write the team's total staff: an integer from 0 to 100000 (a float such as 3.0 or 6/2 is an error; use //).
---@field free integer People not busy with a running action (read-only).
---@field label string The declared label (read-only).
---@field id TeamId The team's id (read-only).

---The world handle every hook receives. Its fields cannot be replaced (set
---`w.meter.x`, `w.system.x.status`, `w.team.x.staff` or `w.flag.x` instead),
---unknown fields and undeclared ids are errors, and it is usable only inside
---hooks during a session. In a condition (`when`, `available`) it is
---read-only and `w.random` is refused.
---@class World
---@field time integer Current simulated time in seconds since T+0, read-only.
---@field meter table<MeterId, number> Read or write a meter's value; writes must be numbers and are clamped to the meter's range. `pairs(w.meter)` visits id, value in declaration order.
---@field system table<SystemId, SystemHandle> `w.system[id].status`: read or write the system's status. Not iterable with pairs.
---@field team table<TeamId, TeamHandle> `w.team[id].staff`: read or write the team's total staff; `.free` is read-only. Not iterable with pairs.
---@field flag table<string, FlagValue> Scenario-defined state: boolean, number, string (valid UTF-8, at most 4096 bytes) or nil; names of 1 to 64 characters, at most 1000 flags per session. Unset flags read as nil. Not iterable with pairs.
local World = {} -- luacheck: ignore 241 (a meta class: filled in, never read)

---The seeded generator, like `math.random` (which is the same generator):
---`w.random()` gives a float in [0, 1), `w.random(m)` an integer in [1, m],
---`w.random(m, n)` an integer in [m, n]. Refused in conditions and while the
---file loads.
---@overload fun(): number
---@overload fun(m: integer): integer
---@param m integer
---@param n integer
---@return integer
function World.random(m, n) end

---Deliver an inject now: it is queued at the current instant and delivered
---(then its `effect` runs) once the running hook returns. An inject that was
---already delivered and is not `repeatable` is skipped silently.
---@param inject_id InjectId
function World.fire(inject_id) end

---Open a decision now (queued at the current instant, like `w.fire`).
---A decision opens once: opening it again does nothing.
---@param decision_id DecisionId
function World.open(decision_id) end

---Run `fn(w)` after a delay (0 or more; `w.after(0, fn)` runs it at this
---instant, after the running hook). At most 10,000 events at one instant.
---@param delay Duration
---@param fn Effect
function World.after(delay, fn) end

---Add a line to the debrief (valid UTF-8, at most 4096 bytes, no control
---characters; at most 2,000 lines per session).
---@param text string
function World.note(text) end

---End the session with that ending. It takes effect when the running hook
---returns, after what `w.fire`, `w.open` and `w.after` queued for this
---second has come; the first call wins.
---@param ending_id EndingId
function World.finish(ending_id) end

---How many times the action has completed (0 if never).
---@param action_id ActionId
---@return integer
function World.done(action_id) end

---Whether the action is running now.
---@param action_id ActionId
---@return boolean
function World.running(action_id) end

---How many times the inject has been delivered (0 if never).
---@param inject_id InjectId
---@return integer
function World.fired(inject_id) end

---The option id taken (by the players or by default), or nil while the
---decision is unopened or open.
---@param decision_id DecisionId
---@return OptionId?
function World.chosen(decision_id) end

-- ===========================================================================
-- Global declaration functions (game/script/lh_decl.c, lh_host.c). They may
-- be called only while the scenario file loads, never inside hooks; each
-- returns nothing. Unknown fields, wrong types, duplicate ids and durations
-- that do not parse are errors reported at the declaration's file:line.
-- ===========================================================================

---Declare the scenario itself; exactly one is required.
---```lua
---scenario { id = "tutorial", title = "First Night Shift",
---           start = "2020-09-27 22:00", length = "12h", rate = 60 }
---```
---@param t ScenarioDecl
function scenario(t) end

---Declare a meter.
---```lua
---meter { id = "trust", label = "Customer trust", start = 80, min = 0, max = 100 }
---```
---@param t MeterDecl
function meter(t) end

---Declare a system.
---```lua
---system { id = "email", label = "Email", status = "online" }
---```
---@param t SystemDecl
function system(t) end

---Declare a team.
---```lua
---team { id = "it", label = "IT & security", staff = 4 }
---```
---@param t TeamDecl
function team(t) end

---Declare a reference that `ref` fields name.
---```lua
---reference { id = "cisa-checklist", title = "Ransomware Response Checklist",
---            cite = "CISA and MS-ISAC, September 2020 (cisa.gov)" }
---```
---@param t ReferenceDecl
function reference(t) end

---Declare an inject (a message to the inbox).
---```lua
---inject { id = "ransom_note", at = "0m", channel = "phone",
---         from = "Shanghai office", title = "Screens show a ransom note",
---         source = "fiction",
---         effect = function(w) w.system.email.status = "compromised" end }
---```
---@param t InjectDecl
function inject(t) end

---Declare an action the players can start.
---```lua
---action { id = "isolate_switch", kind = "contain", label = "Isolate hosts at the switch",
---         team = "it", staff = 2, takes = "45m", source = "fiction",
---         available = function(w)
---             if w.system.email.status == "online" then return false, "Nothing is infected yet" end
---             return true
---         end,
---         effect = function(w) w.system.email.status = "isolated" end }
---```
---@param t ActionDecl
function action(t) end

---Declare a decision with a deadline and 2 to 12 options.
---```lua
---decision { id = "ransom", prompt = "Pay?", deadline = "48h", default = "ignore", at = "2h",
---           options = { { id = "refuse", label = "Refuse" },
---                       { id = "ignore", label = "Say nothing" } } }
---```
---@param t DecisionDecl
function decision(t) end

---Declare an ending.
---```lua
---ending { id = "contained", title = "Contained", tone = "good",
---         when = function(w) return w.flag.contained == true and w.meter.trust > 50 end }
---ending { id = "time_up", title = "The fortnight ends", fallback = true }
---```
---@param t EndingDecl
function ending(t) end

---Declare a session cut: the same scenario, shorter, for a workshop of
---`agenda` minutes.
---```lua
---cut { id = "first48", label = "The first 48 hours", length = "48h", agenda = 60,
---      rate = 2880, ending = "holding" }
---```
---@param t CutDecl
function cut(t) end

---Declare an exercise objective, judged once when the session ends.
---```lua
---objective { id = "do_not_pay", text = "Do not pay the ransom",
---            met = function(w) return w.chosen("ransom") ~= "pay" end }
---```
---@param t ObjectiveDecl
function objective(t) end

---Run `fn(w)` every `interval` (at least 1s), first at T+interval; it may run
---at most 100,000 times over the scenario's `length`.
---```lua
---every("1h", function(w) w.meter.cost = w.meter.cost + 2 end)
---```
---@param interval Duration
---@param fn Effect
function every(interval, fn) end

---Run a sibling file and return what it returns. The path is relative to the
---scenario's folder: a `.lua` name of letters, digits, `_`, `-`, `.` and `/`,
---at most 200 characters, without a leading `/` or any `..`; it must stay
---inside the folder. Includes nest at most 16 deep and may not form a cycle.
---Only while the scenario loads.
---```lua
---local T = include("tutorial_texts.lua")
---```
---@param path string
---@return any ...
function include(path) end
