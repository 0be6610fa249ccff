// `npm run hash-password`: prints the scrypt hash of a password, for a user's "passwordHash" in the
// config file. The password is read from the terminal without echo (asked twice), or from stdin when
// piped (`printf %s "$PW" | npm run -s hash-password`), never from the command line where `ps` would show it.
import readline from "node:readline";
import { hashPassword } from "./lib/password-hash.mjs";

/** @param {string} prompt */
function askHidden(prompt) {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    // Echo nothing of what is typed after the prompt.
    /** @type {any} */ (rl)._writeToOutput = (/** @type {string} */ text) => {
      if (text.includes(prompt)) process.stderr.write(prompt);
    };
    rl.question(prompt, (answer) => {
      rl.close();
      process.stderr.write("\n");
      resolve(answer);
    });
  });
}

async function readPiped() {
  let text = "";
  for await (const chunk of process.stdin) text += chunk;
  return text.replace(/\r?\n$/, "");
}

async function main() {
  if (process.argv.length > 2) {
    throw new Error("the password is not taken from the command line (other users could read it with ps); type it when asked, or pipe it on stdin");
  }
  let password;
  if (process.stdin.isTTY) {
    password = await askHidden("Password: ");
    const again = await askHidden("Again: ");
    if (password !== again) throw new Error("the two passwords differ");
  } else {
    password = await readPiped();
  }
  if (password.length < 8) throw new Error("use a password of at least 8 characters");
  process.stdout.write(`${await hashPassword(password)}\n`);
}

main().catch((error) => {
  console.error(`hash-password: ${error.message}`);
  process.exit(1);
});
