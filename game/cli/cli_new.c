/* cli_new: `bulkhead new NAME`, a small working scenario to start from.
 *
 * The skeleton is a complete, playable scenario (it checks clean and every
 * ending can be reached) whose comments teach the API in the order an
 * author needs it. It is written once, never over an existing file. */
#include "cli/cli_new.h"
#include "cli/cli.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* @ID@ and @TITLE@ are replaced. */
static const char *skeleton =
    "-- @TITLE@: a Bulkhead scenario.\n"
    "--\n"
    "-- Written by `bulkhead new`. Check it with `bulkhead check @FILE@`, play it\n"
    "-- with `bulkhead play @FILE@`, and read scenarios/README.md (the authoring\n"
    "-- guide) for every field. Times are durations (\"90s\", \"45m\", \"1h30m\",\n"
    "-- \"2d\") or seconds; w.time is seconds since the start (T+0).\n"
    "\n"
    "-- Exactly one scenario declaration: what the title screen and the briefing show.\n"
    "scenario {\n"
    "    id = \"@ID@\",\n"
    "    title = \"@TITLE@\",\n"
    "    summary = \"A phishing email, a locked file server, and four hours to recover.\",\n"
    "    based_on = \"\",                     -- e.g. \"public reporting of ...\" for real events\n"
    "    start = \"2024-03-04 08:00\",        -- the calendar time of T+0\n"
    "    length = \"4h\",                     -- the session ends when this runs out\n"
    "    rate = 40,                          -- simulated seconds per real second at 1x: 6 minutes\n"
    "    difficulty = \"easy\",\n"
    "    briefing = \"Monday, 08:00. You run IT for a small port authority.\",\n"
    "    organisation = \"A port authority: one IT team, one press officer.\",\n"
    "    stakes = \"Berth planning runs from the file server. Ships arrive at noon.\",\n"
    "}\n"
    "\n"
    "-- Meters are numbers the players watch. good = \"low\" when less is better.\n"
    "meter { id = \"spread\", label = \"Malware spread\", start = 10, min = 0, max = 100, good = \"low\" }\n"
    "meter { id = \"trust\", label = \"Harbour users' trust\", start = 70, min = 0, max = 100 }\n"
    "\n"
    "-- Systems carry a status word: online, degraded, compromised, encrypted,\n"
    "-- isolated, offline or restoring.\n"
    "system { id = \"files\", label = \"File server\", status = \"online\" }\n"
    "system { id = \"berths\", label = \"Berth planning\", status = \"online\" }\n"
    "\n"
    "-- Teams have staff; an action needs free staff from its team while it runs.\n"
    "team { id = \"it\", label = \"IT\", staff = 2 }\n"
    "team { id = \"press\", label = \"Press officer\", staff = 1 }\n"
    "\n"
    "-- Facts cite a reference; an event only another incident had says\n"
    "-- source = \"analogy\" with a ref to it; invented material says\n"
    "-- source = \"fiction\".\n"
    "reference { id = \"cisa\", title = \"Ransomware Response Checklist\",\n"
    "            cite = \"CISA and MS-ISAC, September 2020 (cisa.gov)\" }\n"
    "\n"
    "-- Injects are messages. `at` delivers at a time, `when` as soon as a\n"
    "-- condition holds, and one with neither only when an effect calls w.fire.\n"
    "inject { id = \"phish\", at = \"0m\", channel = \"email\", from = \"Helpdesk\",\n"
    "         title = \"Files renamed on the server\",\n"
    "         body = \"Several users report that their documents now end in .locked.\",\n"
    "         source = \"fiction\", discuss = { \"Who do you tell first?\" },\n"
    "         effect = function(w) w.system.files.status = \"compromised\" end }\n"
    "\n"
    "inject { id = \"journalist\", channel = \"phone\", from = \"Local newspaper\",\n"
    "         title = \"A reporter is asking questions\",\n"
    "         body = \"They heard the port's systems are down. Is it a cyberattack?\",\n"
    "         source = \"fiction\",\n"
    "         when = function(w) return w.system.berths.status ~= \"online\" end }\n"
    "\n"
    "inject { id = \"restored\", channel = \"internal\", from = \"IT\",\n"
    "         title = \"Files are back\", body = \"Yesterday's backup is restored and checked.\",\n"
    "         source = \"fiction\" }\n"
    "\n"
    "-- Malware spreads every 15 minutes until it is contained. Conditions such\n"
    "-- as `when` and `available` may read w but never change it; effects and\n"
    "-- every-functions may change it.\n"
    "every(\"15m\", function(w)\n"
    "    if not w.flag.contained then\n"
    "        w.meter.spread = w.meter.spread + 8\n"
    "        if w.meter.spread >= 40 then w.system.berths.status = \"encrypted\" end\n"
    "    end\n"
    "end)\n"
    "\n"
    "-- Actions: kind is contain, communicate, restore or investigate; func is\n"
    "-- identify, protect, detect, respond or recover (for the debrief).\n"
    "action { id = \"isolate\", kind = \"contain\", func = \"respond\", recommended = true,\n"
    "         label = \"Isolate the file server at the switch\",\n"
    "         text = \"Cut it off the network but keep it powered, so memory evidence survives.\",\n"
    "         team = \"it\", staff = 1, takes = \"20m\", source = \"fact\", ref = \"cisa\",\n"
    "         effect = function(w)\n"
    "             w.flag.contained = true\n"
    "             w.system.files.status = \"isolated\"\n"
    "         end }\n"
    "\n"
    "action { id = \"restore\", kind = \"restore\", func = \"recover\", recommended = true,\n"
    "         label = \"Restore from yesterday's backup\", team = \"it\", staff = 2, takes = \"1h\",\n"
    "         source = \"fiction\",\n"
    "         -- unavailable actions say why, and the game shows the reason\n"
    "         available = function(w)\n"
    "             if not w.flag.contained then return false, \"Contain it first, or the backup is reinfected\" end\n"
    "             return true\n"
    "         end,\n"
    "         effect = function(w)\n"
    "             w.system.files.status = \"online\"\n"
    "             w.system.berths.status = \"online\"\n"
    "             w.fire(\"restored\")\n"
    "         end }\n"
    "\n"
    "action { id = \"statement\", kind = \"communicate\", func = \"respond\",\n"
    "         label = \"Tell harbour users what happened\", team = \"press\", staff = 1,\n"
    "         takes = \"30m\", source = \"fiction\",\n"
    "         effect = function(w) w.meter.trust = w.meter.trust + 15 end }\n"
    "\n"
    "action { id = \"logs\", kind = \"investigate\", func = \"detect\",\n"
    "         label = \"Find the phishing email in the mail logs\", team = \"it\", staff = 1,\n"
    "         takes = \"45m\", source = \"fiction\",\n"
    "         effect = function(w) w.note(\"The email came from a spoofed shipping agent.\") end }\n"
    "\n"
    "-- Decisions open once (at a time, when a condition holds, or by w.open),\n"
    "-- and if nobody chooses before the deadline, the default happens.\n"
    "decision { id = \"pay\", at = \"30m\", from = \"Harbour master\",\n"
    "           prompt = \"The note asks for 2 bitcoin within the hour. What do we do?\",\n"
    "           deadline = \"1h\", default = \"wait\",\n"
    "           options = {\n"
    "             { id = \"refuse\", label = \"Refuse and call the police\", recommended = true,\n"
    "               effect = function(w) w.meter.trust = w.meter.trust + 5 end },\n"
    "             { id = \"wait\", label = \"Wait and see\",\n"
    "               effect = function(w) w.meter.trust = w.meter.trust - 10 end } } }\n"
    "\n"
    "-- Endings with `when` are checked in order; the fallback ends the session\n"
    "-- when its length runs out.\n"
    "ending { id = \"recovered\", title = \"Berths planned by noon\", tone = \"good\",\n"
    "         text = \"The files are back and harbour users know what happened.\",\n"
    "         when = function(w) return w.done(\"restore\") > 0 and w.meter.trust >= 70 end }\n"
    "ending { id = \"encrypted\", title = \"Everything is locked\", tone = \"bad\",\n"
    "         text = \"The malware reached berth planning before anyone stopped it.\",\n"
    "         when = function(w) return w.meter.spread >= 60 end }\n"
    "ending { id = \"noon\", title = \"Noon, still on paper\", tone = \"mixed\", fallback = true,\n"
    "         text = \"Ships arrive and berths are planned by hand.\" }\n"
    "\n"
    "-- Exercise objectives: judged once when the session ends, reading `w` only;\n"
    "-- the debrief and the report say which the room met.\n"
    "objective { id = \"do_not_pay\", text = \"Refuse to pay, and bring in the police\",\n"
    "            met = function(w) return w.chosen(\"pay\") == \"refuse\" end }\n";

int cli_new_valid_id(const char *s)
{
    if (!s[0] || strlen(s) > 48 || !((s[0] >= 'a' && s[0] <= 'z')))
        return 0;
    for (const char *p = s; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_'))
            return 0;
    return 1;
}

/* "port_outage" -> "Port outage" */
static void title_of(const char *id, char *out, size_t n)
{
    snprintf(out, n, "%s", id);
    for (char *p = out; *p; p++)
        if (*p == '_')
            *p = ' ';
    if (out[0] >= 'a' && out[0] <= 'z')
        out[0] = (char)(out[0] - 32);
}

static int put(int fd, const char *s, size_t n)
{
    while (n) {
        ssize_t w = write(fd, s, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return -1;
        s += w;
        n -= (size_t)w;
    }
    return 0;
}

bh_status cli_new_write(const char *id, const char *path, bh_err *err)
{
    char title[64];
    title_of(id, title, sizeof title);
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0644);
    if (fd < 0)
        return err_set(err, BH_EIO, path, 0,
                       errno == EEXIST ? "already exists; bulkhead new never overwrites a file"
                                       : "cannot create the file: %s",
                       strerror(errno));
    int bad = 0;
    const char *file = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    for (const char *p = skeleton; *p && !bad;) {
        const char *at = strchr(p, '@');
        if (!at) {
            bad = put(fd, p, strlen(p));
            break;
        }
        bad = put(fd, p, (size_t)(at - p));
        const char *v = NULL;
        size_t skip = 0;
        if (!strncmp(at, "@ID@", 4))
            v = id, skip = 4;
        else if (!strncmp(at, "@TITLE@", 7))
            v = title, skip = 7;
        else if (!strncmp(at, "@FILE@", 6))
            v = file, skip = 6;
        if (v)
            bad = bad || put(fd, v, strlen(v));
        else
            bad = bad || put(fd, "@", 1), skip = 1;
        p = at + skip;
    }
    if (!bad && fsync(fd) != 0)
        bad = 1;
    if (close(fd) != 0)
        bad = 1;
    if (bad) {
        unlink(path);
        return err_set(err, BH_EIO, path, 0, "cannot write the file: %s", strerror(errno));
    }
    return BH_OK;
}

int cmd_new(int argc, char **argv)
{
    if (argc != 2)
        return usage_error("%s", "new takes one name: bulkhead new NAME (writes NAME.lua here)");
    char id[64], path[1100];
    const char *name = argv[1];
    /* NAME, NAME.lua or a path to NAME.lua: the id is the file's base name */
    const char *base = strrchr(name, '/') ? strrchr(name, '/') + 1 : name;
    size_t n = strlen(base);
    if (n > 4 && strcmp(base + n - 4, ".lua") == 0)
        n -= 4;
    snprintf(id, sizeof id, "%.*s", (int)(n < 63 ? n : 63), base);
    if (!cli_new_valid_id(id))
        return usage_error("'%s' is not a scenario name: use lower-case letters, digits and _, "
                           "starting with a letter (e.g. port_outage)", id);
    if (strlen(name) > 1000)
        return usage_error("%s", "the name is too long");
    snprintf(path, sizeof path, "%.*s%s", (int)(base - name), name, id);
    strncat(path, ".lua", sizeof path - strlen(path) - 1);
    bh_err err;
    err_clear(&err);
    if (cli_new_write(id, path, &err) != BH_OK) {
        print_err(&err, "error");
        return EXIT_PROBLEMS;
    }
    printf("wrote %s\nnext:\n  bulkhead check %s\n  bulkhead play %s\n", path, path, path);
    return 0;
}
