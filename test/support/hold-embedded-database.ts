// A stand-in for the app in tests: starts the embedded server of the folder given as argument,
// prints its URL, and holds it until killed.
import { startEmbeddedDatabase } from "../../scripts/db/embedded-postgres";

startEmbeddedDatabase(process.argv[2]).then((database) => {
  console.log(database.url);
  setInterval(() => {}, 60_000);
});
