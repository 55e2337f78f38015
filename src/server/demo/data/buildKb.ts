import { BEAUTY_KB, OUTDOOR_KB, PLATFORM_TOPICS, type ArticleSpec } from './content/kb';
import { SHOP_BEAUTY, SHOP_OUTDOOR, TEAM } from './content/org';
import type { Rng } from './random';
import type { Kb, KbArticle, Org } from './schema';
import { pad } from './text';

const STEP_HEADINGS = ['操作步骤', '具体做法', '处理方法', '怎么操作'];
const NOTE_HEADINGS = ['注意事项', '温馨提示', '补充说明'];
const MAX_SENTENCES = 10;
const MIN_SENTENCES = 3;

/** Sentences of a piece of text: split after 。！？ and at line ends. Used for limits and for the overlap test. */
export function sentencesOf(text: string): string[] {
  return text
    .split(/\n+/)
    .flatMap((line) => line.split(/(?<=[。！？])/))
    .map((s) => s.replace(/^\s*(?:\d+\.|-|\*\*)\s*/, '').replace(/\*\*$/, '').trim())
    .filter((s) => s.length > 0 && !/^(?:操作步骤|具体做法|处理方法|怎么操作|注意事项|温馨提示|补充说明)$/.test(s));
}

/**
 * Markdown body: an optional topic opener with the summary, the numbered steps, the notes as
 * bullets, and an optional topic closer, within 3–10 sentences.
 */
function renderBody(rng: Rng, spec: ArticleSpec, intros: string[], outros: string[]): string {
  const core = sentencesOf([spec.summary, ...(spec.steps ?? []), ...(spec.notes ?? [])].join('\n')).length;
  let room = MAX_SENTENCES - core;
  const short = core < MIN_SENTENCES;
  const useIntro = room > 0 && (short || rng.chance(0.55));
  if (useIntro) room--;
  const useOutro = room > 0 && (short || rng.chance(0.6));

  const parts: string[] = [useIntro ? `${rng.pick(intros)}${spec.summary}` : spec.summary];
  if (spec.steps?.length) {
    parts.push(`**${rng.pick(STEP_HEADINGS)}**\n\n${spec.steps.map((s, i) => `${i + 1}. ${s}`).join('\n')}`);
  }
  if (spec.notes?.length) {
    parts.push(`**${rng.pick(NOTE_HEADINGS)}**\n\n${spec.notes.map((n) => `- ${n}`).join('\n')}`);
  }
  if (useOutro) parts.push(rng.pick(outros));
  return parts.join('\n\n');
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** ~200 articles: the platform topics, visible to platform teams (merchant rules to everyone), and each shop's own. */
export function buildKb(rng: Rng, org: Org): Kb {
  const platformTeams = org.teams.filter((t) => t.kind === 'platform').map((t) => t.id);
  const allTeams = org.teams.map((t) => t.id);
  const articles: KbArticle[] = [];

  for (const topic of PLATFORM_TOPICS) {
    topic.articles.forEach((spec, i) => {
      articles.push({
        id: `kb-${topic.slug}-${pad(i + 1, 2)}`,
        title: spec.title,
        body: renderBody(rng, spec, topic.intros, topic.outros),
        category: topic.category,
        tags: unique([...topic.tags, ...(spec.tags ?? [])]),
        teamIds: topic.audience === 'everyone' ? allTeams : platformTeams,
        keywords: spec.keywords,
        questions: spec.questions,
      });
    });
  }

  for (const shop of [BEAUTY_KB, OUTDOOR_KB]) {
    const shopId = shop.shopKey === 'beauty' ? SHOP_BEAUTY : SHOP_OUTDOOR;
    const teamId = shop.shopKey === 'beauty' ? TEAM.beauty : TEAM.outdoor;
    shop.articles.forEach((spec, i) => {
      articles.push({
        id: `kb-${shop.slug}-${pad(i + 1, 2)}`,
        title: spec.title,
        body: renderBody(rng, spec, shop.intros, shop.outros),
        category: spec.category,
        tags: unique(['店铺', spec.category, ...(spec.tags ?? [])]),
        teamIds: [teamId],
        shopId,
        keywords: spec.keywords,
        questions: spec.questions,
      });
    });
  }
  return { articles };
}
