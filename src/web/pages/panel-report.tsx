// A draft's aggregation report in tables: area weights with their spread across experts, consistency (CR, GCI)
// with flags and the pairs to revisit, each expert's consistency, module ratings and the largest weight changes.
import type { FC } from 'hono/jsx';
import type { AggregationReport, ComparisonReport } from '../../domain/panel/index.js';

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
const FIELD_WORDS: Readonly<Record<string, string>> = { areaImportance: 'Area importance (0 to 1)', strength: 'Evidence strength (0 to 5)', expectedImpact: 'Expected impact (0 to 1)' };
const num = (v: number | null | undefined, d = 3) => (v === null || v === undefined ? 'Not available' : v.toFixed(d));

const Consistency: FC<{ r: ComparisonReport; label: (id: string) => string }> = ({ r, label }) => (
  <>
    <p>
      Group consistency: consistency ratio (CR) {num(r.consistency.cr)} (limit {r.consistency.crThreshold}), geometric consistency index (GCI){' '}
      {num(r.consistency.gci)}.{' '}
      <strong>{r.consistency.inconsistent ? 'Inconsistent: check the flags below.' : 'Consistent.'}</strong>
    </p>
    <div class="table-wrap" role="region" aria-labelledby={`w-${r.comparison}`} tabindex={0}>
      <table>
        <caption id={`w-${r.comparison}`}>Weights for {comparisonName(r.comparison, label)}</caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col" class="num">
              Weight
            </th>
            <th scope="col" class="num">
              Cross-check
            </th>
            <th scope="col" class="num">
              Spread (SD)
            </th>
            <th scope="col" class="num">
              Lowest to highest
            </th>
          </tr>
        </thead>
        <tbody>
          {r.weights.map((w) => (
            <tr>
              <th scope="row">{label(w.id)}</th>
              <td class="num">{pct(w.priority)}</td>
              <td class="num">{pct(w.eigenvector)}</td>
              <td class="num">{pct(w.dispersion.sd)}</td>
              <td class="num">
                {pct(w.dispersion.min)} to {pct(w.dispersion.max)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
    <div class="table-wrap" role="region" aria-labelledby={`e-${r.comparison}`} tabindex={0}>
      <table>
        <caption id={`e-${r.comparison}`}>Each expert’s consistency</caption>
        <thead>
          <tr>
            <th scope="col">Expert</th>
            <th scope="col" class="num">
              Weight
            </th>
            <th scope="col" class="num">
              CR
            </th>
            <th scope="col" class="num">
              GCI
            </th>
            <th scope="col">Result</th>
          </tr>
        </thead>
        <tbody>
          {r.experts.map((e) => (
            <tr>
              <th scope="row">{e.expert}</th>
              <td class="num">{pct(e.weight)}</td>
              <td class="num">{num(e.cr)}</td>
              <td class="num">{num(e.gci)}</td>
              <td>{e.inconsistent ? 'Flagged' : 'Consistent'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  </>
);

/** "areas" and "modules:<area id>" as words. */
const comparisonName = (comparison: string, label: (id: string) => string) =>
  comparison === 'areas' ? 'areas of need' : comparison.startsWith('modules:') ? `modules in ${label(comparison.slice(8))}` : label(comparison);
const METHOD_WORDS: Readonly<Record<string, string>> = { 'geometric-mean': 'the geometric mean of each row', eigenvector: 'the principal eigenvector' };

/** What the report's abbreviations mean, in plain words, before the figures use them. */
export const ReportTerms: FC = () => (
  <dl class="facts">
    <div>
      <dt>AIJ (aggregation of individual judgements)</dt>
      <dd>Each pair’s comparisons from all experts are combined into one (a weighted geometric mean) before any weights are worked out.</dd>
    </div>
    <div>
      <dt>CR (consistency ratio)</dt>
      <dd>How much a set of comparisons contradicts itself. 0 means no contradiction; over the limit, the comparisons should be checked.</dd>
    </div>
    <div>
      <dt>GCI (geometric consistency index)</dt>
      <dd>A second measure of the same thing, suited to the geometric mean. Lower is more consistent.</dd>
    </div>
    <div>
      <dt>Spread (SD)</dt>
      <dd>The standard deviation of the weight across experts: how far they disagree.</dd>
    </div>
  </dl>
);

export const AggregationReportView: FC<{ report: AggregationReport; aggregatedAt: string; label: (id: string) => string }> = ({ report, aggregatedAt, label }) => (
  <>
    <p>
      Aggregated {aggregatedAt} from {report.experts.length} expert{report.experts.length === 1 ? '' : 's'}: judgements combined by aggregation of individual
      judgements (AIJ), weights worked out by {METHOD_WORDS[report.method.priorities] ?? report.method.priorities} and cross-checked by{' '}
      {METHOD_WORDS[report.method.crossCheck] ?? report.method.crossCheck}.
    </p>
    <ReportTerms />
    <h3>Consistency flags</h3>
    {report.flags.length ? (
      <ul class="list">
        {report.flags.map((f) => (
          <li>
            <strong>{f.expert ?? 'Whole panel'}</strong> ({comparisonName(f.comparison, label)}): {f.message}
            {f.mostInconsistentPairs.length ? (
              <ul class="list">
                {f.mostInconsistentPairs.map((p) => (
                  <li>
                    {label(p.a)} compared with {label(p.b)}: judged {p.judged.toFixed(2)}, the rest of the answers suggest about {p.impliedOnScale.toFixed(2)}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    ) : (
      <p>No comparison is over the consistency limit.</p>
    )}
    {report.areas ? (
      <>
        <h3>Areas of need</h3>
        <Consistency r={report.areas} label={label} />
      </>
    ) : null}
    {report.moduleComparisons.map((r) => (
      <>
        <h3>Modules in {label(r.comparison.slice(8))}</h3>
        <Consistency r={r} label={label} />
      </>
    ))}
    {report.modules.length ? (
      <>
        <h3>Module ratings</h3>
        <div class="table-wrap" role="region" aria-labelledby="ratings-caption" tabindex={0}>
          <table>
            <caption id="ratings-caption">Evidence strength (0 to 5) and expected impact (0 to 1) per module</caption>
            <thead>
              <tr>
                <th scope="col">Module</th>
                <th scope="col" class="num">
                  Strength used
                </th>
                <th scope="col" class="num">
                  Middle half of ratings
                </th>
                <th scope="col" class="num">
                  Agreement
                </th>
                <th scope="col" class="num">
                  Impact used
                </th>
              </tr>
            </thead>
            <tbody>
              {report.modules.map((m) => (
                <tr>
                  <th scope="row">{label(m.moduleId)}</th>
                  <td class="num">{m.applied.strength.toFixed(2)}</td>
                  <td class="num">{m.strength ? `${m.strength.q1.toFixed(1)} to ${m.strength.q3.toFixed(1)}` : 'No ratings'}</td>
                  <td class="num">{m.strengthAgreement ? `${Math.round(m.strengthAgreement.share * 100)}%` : '–'}</td>
                  <td class="num">{m.applied.expectedImpact.toFixed(3)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </>
    ) : null}
    <h3>Largest changes from the set in force</h3>
    {report.changes.length ? (
      <div class="table-wrap" role="region" aria-labelledby="changes-caption" tabindex={0}>
        <table>
          <caption id="changes-caption">Up to 15 weights that change most</caption>
          <thead>
            <tr>
              <th scope="col">Weight</th>
              <th scope="col" class="num">
                Before
              </th>
              <th scope="col" class="num">
                After
              </th>
              <th scope="col" class="num">
                Change
              </th>
            </tr>
          </thead>
          <tbody>
            {report.changes.slice(0, 15).map((ch) => (
              <tr>
                <th scope="row">
                  {label(ch.id)}
                  <span class="cell-hint">{FIELD_WORDS[ch.field] ?? ch.field}</span>
                </th>
                <td class="num">{num(ch.before)}</td>
                <td class="num">{num(ch.after)}</td>
                <td class="num">{ch.delta > 0 ? `+${ch.delta.toFixed(3)}` : ch.delta.toFixed(3)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    ) : (
      <p>No weight changes.</p>
    )}
    {report.notes.length ? (
      <>
        <h3>Notes</h3>
        <ul class="list">
          {report.notes.map((n) => (
            <li>{n}</li>
          ))}
        </ul>
      </>
    ) : null}
  </>
);
