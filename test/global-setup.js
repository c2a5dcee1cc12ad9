// Jest globalSetup: the engine tests run Network Firewall rules in Suricata 7, so the test command
// makes sure it is there. When `suricata` is not on PATH, scripts/ensure-suricata.sh installs it
// (as root on Debian bookworm, from bookworm-backports) or fails with one line saying how to
// install it; that line is then all this prints, and the run stops with exit code 1.
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

function onPath(command) {
  return (process.env.PATH || "").split(path.delimiter).some((dir) => {
    try {
      fs.accessSync(path.join(dir, command), fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

module.exports = async function globalSetup() {
  if (onPath("suricata")) return;
  const bash = fs.existsSync("/bin/bash") ? "/bin/bash" : "bash";
  const r = spawnSync(bash, [path.join(__dirname, "..", "scripts", "ensure-suricata.sh")], { stdio: ["ignore", "inherit", "pipe"], encoding: "utf8" });
  if (r.status === 0) return;
  const lines = (r.stderr || "").trim().split("\n");
  process.stderr.write(`${lines[lines.length - 1] || "agora-egress tests: Suricata 7 is missing (see scripts/ensure-suricata.sh)."}\n`);
  process.exit(1);
};
