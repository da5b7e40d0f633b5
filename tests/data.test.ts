/** The shipped data tells the truth: every reported figure is in the report, every site has its evidence. */
import { describe, expect, it } from 'vitest';
import { loadProjects } from '../src/core/load_projects.ts';
import { loadReported } from '../src/core/load_reported.ts';
import { repoFile } from '../scripts/repo.ts';
import { LAYOUT } from './helpers/fixtures.ts';

const reported = loadReported('data/reported.json', repoFile('data/reported.json').text, LAYOUT.axisIds);
const report = repoFile('data/report_2023_erqi.txt').text;

describe('data/reported.json', () => {
  it('loads with no issue', () => {
    expect(reported.issues).toEqual([]);
  });

  it('has the report’s per-axis figures', () => {
    expect(reported.value!.axes.map((a) => [a.id, a.projects, a.investment_yi])).toEqual([
      ['songshan', 31, 591],
      ['daxue', 31, 396],
      ['jingguang', 35, 365],
    ]);
  });

  it('quotes the report verbatim for every figure, and each number is in its quote', () => {
    for (const f of [...reported.value!.axes, ...reported.value!.district]) {
      expect(report).toContain(f.quote);
      for (const n of [f.projects, f.investment_yi]) if (n != null) expect(f.quote).toContain(String(n));
    }
  });
});

describe('geo/sites.geojson', () => {
  it('gives every site its evidence in English and in Chinese', () => {
    for (const f of JSON.parse(repoFile('geo/sites.geojson').text).features) {
      expect(f.properties.evidence, f.properties.project_id).toBeTruthy();
      expect(f.properties.evidence_zh, f.properties.project_id).toMatch(/[\u4e00-\u9fff]/);
      expect(f.properties.evidence_zh, f.properties.project_id).not.toMatch(/\b(median|lon|lat|junction|medium|high)\b/);
    }
  });
});

describe('data/projects.csv', () => {
  const projects = loadProjects('data/projects.csv', repoFile('data/projects.csv').text, LAYOUT.axisIds).value;

  it('is what the README says the public record covers', () => {
    const disclosed = projects.filter((p) => p.investment_total_yi !== null);
    const sum = Math.round(disclosed.reduce((s, p) => s + p.investment_total_yi!, 0) * 100) / 100;
    const located = JSON.parse(repoFile('geo/sites.geojson').text).features.length;
    expect(repoFile('README.md').text.replace(/\s+/g, ' ')).toContain(
      `**Public record**: ${projects.length} projects (${disclosed.length} with their investment disclosed, together ${sum} 亿元) of the report's 360 projects / 2326 亿元; ${located} of them located.`,
    );
  });

  it('names only projects that appear in a source', () => {
    for (const p of projects) {
      // The report's text breaks a line inside "X014王红线": compare without white space.
      if (p.source === 'erqi-2023-report') expect(report.replace(/\s+/g, ''), `${p.id}: ${p.name_zh}`).toContain(p.name_zh);
      else expect(reported.value!.sources[p.source]?.url, `${p.id}: source '${p.source}' has an address`).toMatch(/^https?:\/\//);
    }
  });

  it('quotes the press verbatim in the note for every row from the press, with its amount in the quote', () => {
    for (const p of projects.filter((p) => p.source !== 'erqi-2023-report')) {
      const quotes = [...(p.note ?? '').matchAll(/“([^”]*(?:“[^”]*”[^”]*)*)”/g)].map((m) => m[1]!).join(' ');
      expect(quotes.length, `${p.id} quotes its source`).toBeGreaterThan(20);
      const yi = p.investment_total_yi;
      // As stated: 1.67亿元, 1亿元, or 6000万元 (÷ 10,000 into 亿元).
      if (yi !== null) expect(quotes.includes(`${yi}亿元`) || quotes.includes(`${Math.round(yi * 10_000)}万元`), `${p.id}: ${yi} 亿元 in “${quotes}”`).toBe(true);
    }
  });
});

describe('the shipped ledger files are as the editor writes them (export back = a clean diff)', () => {
  it('data/projects.csv and geo/sites.geojson come back byte for byte', async () => {
    const { buildBundle } = await import('../src/core/bundle.ts');
    const { repoSources } = await import('../scripts/repo.ts');
    const { ledgerCsv, sitesGeoJson } = await import('../src/edit/ledger_files.ts');
    const sources = repoSources();
    const { projects } = buildBundle(sources).value!.bundle;
    expect(ledgerCsv(projects)).toBe(sources.projects.text);
    expect(sitesGeoJson(projects, sources.sites.text, new Set(), 'editor')).toBe(sources.sites.text);
  });
});

describe('the SAMPLE ledger (data/sample): synthetic, and its totals are the report’s', async () => {
  const { buildBundle } = await import('../src/core/bundle.ts');
  const { repoSources } = await import('../scripts/repo.ts');
  const { sampleLedger, sampleProgress, INDUSTRIAL } = await import('../scripts/sample_ledger.ts');
  const { progressCsv } = await import('../src/core/progress_file.ts');
  const { ledgerCsv, sitesGeoJson } = await import('../src/edit/ledger_files.ts');
  const sources = { ...repoSources(), projects: repoFile('data/sample/projects.csv'), sites: repoFile('data/sample/sites.geojson') };
  const built = buildBundle(sources);
  const { bundle, aggregates } = built.value!;
  const projects = bundle.projects;
  const yi = (ps: typeof projects) => Math.round(ps.reduce((s, p) => s + p.investment_total_yi!, 0) * 100) / 100;
  const figure = (id: string) => reported.value!.district.find((f) => f.id === id)!;

  it('builds with no error; every row is synthetic, plainly named, with an invented location', () => {
    expect(built.issues.filter((i) => i.severity === 'error')).toEqual([]);
    for (const p of projects) {
      expect(p.source).toBe('synthetic');
      expect(p.name_zh).toMatch(/^示例项目 \d{3}$/);
      expect(p.site?.evidence).toMatch(/^SAMPLE/);
      expect(p.investment_total_yi).not.toBeNull();
    }
  });

  it('has each axis’s reported projects and investment, inside that axis’s corridor', () => {
    for (const a of reported.value!.axes) {
      const declared = projects.filter((p) => p.axis_declared === a.id);
      expect([declared.length, yi(declared)], a.id).toEqual([a.projects, a.investment_yi]);
      const mapped = aggregates.axes.find((x) => x.id === a.id)!.mapped;
      expect([mapped.projects, Math.round(mapped.investment_yi! * 100) / 100], a.id).toEqual([a.projects, a.investment_yi]);
    }
  });

  it('has the district’s reported figures', () => {
    const major = figure('major_projects');
    expect([projects.length, yi(projects)]).toEqual([major.projects, major.investment_yi]);
    const industrial = projects.filter((p) => INDUSTRIAL.includes(p.sector!));
    expect([industrial.length, yi(industrial)]).toEqual([figure('industrial_projects').projects, figure('industrial_projects').investment_yi]);
    const signed = industrial.filter((p) => p.status === 'signed');
    expect([signed.length, yi(signed)]).toEqual([figure('signed').projects, figure('signed').investment_yi]);
    expect(projects.filter((p) => p.status === 'signed').length).toBe(signed.length);
    expect(projects.filter((p) => p.status === 'started').length).toBe(figure('started').projects);
    const renewal = projects.filter((p) => p.sector === 'urban_renewal');
    expect([renewal.length, yi(renewal)]).toEqual([figure('urban_renewal').projects, figure('urban_renewal').investment_yi]);
  });

  it('has a year of monthly progress: 1—11月完成投资 equal to the report, statuses ending at the ledger’s, nothing going backwards', async () => {
    const { historyIndex } = await import('../src/core/progress.ts');
    const { loadProgress } = await import('../src/core/progress_file.ts');
    const progress = loadProgress('data/sample/progress.csv', repoFile('data/sample/progress.csv').text, new Set(projects.map((p) => p.id)));
    expect(progress.issues).toEqual([]);
    const nov = progress.value.filter((r) => r.period === '2023-11');
    expect(Math.round(nov.reduce((s, r) => s + (r.completed_yi ?? 0), 0) * 100) / 100).toBe(figure('invested_jan_nov').investment_yi);
    const index = historyIndex(progress.value);
    for (const p of projects) {
      const rows = index.get(p.id)!;
      expect(rows.map((r) => r.period)).toEqual(Array.from({ length: 12 }, (_, i) => `2023-${String(i + 1).padStart(2, '0')}`));
      expect(rows.at(-1)!.status, p.id).toBe(p.status);
      const ytd = rows.map((r) => r.completed_yi);
      if (ytd[0] !== null) for (let i = 1; i < 12; i++) expect(ytd[i]!, p.id).toBeGreaterThanOrEqual(ytd[i - 1]!);
    }
    expect(built.value!.bundle.progress ?? null).toBeNull(); // read only when given: the data build passes it
    // The report's 45 省市重点建设项目 at 95 % of their planned investment, by the year's last period.
    const key = figure('key_projects');
    const keyProjects = projects.filter((p) => p.key_level !== null);
    expect(keyProjects.length).toBe(key.projects);
    const { tallyAt } = await import('../src/core/progress.ts');
    const dec = tallyAt(keyProjects, index, key.as_of, null);
    expect(dec.reporting).toBe(key.projects);
    expect(Math.round(dec.rate! * 1000) / 1000).toBe(key.rate);
  });

  it('is what `npm run sample` writes, byte for byte (seeded)', () => {
    const published = buildBundle(repoSources()).value!.bundle;
    const again = sampleLedger({ axes: published.axes.features, district: published.district.features[0] as never, reported: published.reported });
    expect(ledgerCsv(again)).toBe(sources.projects.text);
    expect(sitesGeoJson(again, null, new Set(), 'synthetic: scripts/sample_ledger.ts')).toBe(sources.sites.text);
    expect(progressCsv(sampleProgress(again, published.reported))).toBe(repoFile('data/sample/progress.csv').text);
  });
});
