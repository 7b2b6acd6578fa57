// npm run corpus: recall and false alarms per framework over tests/corpus/database.
// Exits 1 when recall < 0.98 or the false-alarm rate > 0.02.
import { evaluateCorpus, falseAlarmRate, MAX_FALSE_ALARM_RATE, MIN_RECALL, recall, type FrameworkRow } from './corpus-lib.js';

const { results, rows, total } = await evaluateCorpus();
const pct = (x: number): string => x.toFixed(3);
const width = Math.max('framework'.length, ...rows.map((r) => r.framework.length));
const line = (r: FrameworkRow): string =>
  `| ${r.framework.padEnd(width)} | ${String(r.cases).padStart(5)} | ${String(r.positives).padStart(9)} | ${pct(recall(r)).padStart(6)} | ${String(r.negatives).padStart(9)} | ${String(r.falseAlarms).padStart(12)} |`;

console.log(`| ${'framework'.padEnd(width)} | cases | positives | recall | negatives | false alarms |`);
console.log(`|${'-'.repeat(width + 2)}|-------|-----------|--------|-----------|--------------|`);
for (const r of rows) console.log(line(r));
console.log(line(total));
console.log(`\nfalse-alarm rate ${pct(falseAlarmRate(total))} (false alarms / clean cases)`);

for (const r of results) {
  if (r.case.expect.length > 0 && !r.hit) console.log(`MISSED       ${r.case.framework}/${r.case.name}: ${r.case.note}`);
  if (r.falseAlarm)
    console.log(
      `FALSE ALARM  ${r.case.framework}/${r.case.name}: ${r.findings.map((f) => `${f.rule} ${f.severity} ${f.message}`).join(' | ')}`,
    );
}

if (recall(total) < MIN_RECALL || falseAlarmRate(total) > MAX_FALSE_ALARM_RATE) {
  console.error(`\ncorpus below target: recall >= ${MIN_RECALL}, false alarms <= ${MAX_FALSE_ALARM_RATE}`);
  process.exit(1);
}
