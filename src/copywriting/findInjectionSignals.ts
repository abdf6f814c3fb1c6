/**
 * Phrases that address a language model rather than describe a product. Product copy has no
 * reason to contain them, so text that matches is treated as hostile.
 */
const INJECTION_PATTERNS: readonly RegExp[] = [
  /\b(ignore|disregard|forget|override)\b[^.!?\n]{0,40}\b(instructions?|rules?|prompts?|above|previous)\b/i,
  /\b(system|hidden|original)\s+(prompt|message|instructions?)\b/i,
  /\b(reveal|print|show|repeat|leak|output)\b[^.!?\n]{0,40}\b(prompt|instructions?|keys?|tokens?|secrets?|passwords?)\b/i,
  /\b(api|access|secret)[\s_-]?(key|token)s?\b/i,
  /\bhf_[A-Za-z0-9]{8,}/,
  /\byou\s+are\s+now\b|\bact\s+as\b|\bnew\s+instructions?\b|\bfrom\s+now\s+on\b/i,
  /\b(write|talk|tell)\b[^.!?\n]{0,30}\b(instead|about something else)\b/i,
  /<\/?\s*(system|assistant|user|product_data)\b/i,
  /(忽略|无视|忘记|忽视).{0,12}(指令|指示|规则|提示|要求)/u,
  /(系统提示|提示词|系统消息|密钥|令牌|口令)/u,
  /(你现在是|从现在开始|改为写|改写成)/u,
];

/**
 * Lists the injection patterns that text matches, as their source strings; an empty list means
 * none matched. The check is a heuristic for keeping hostile text out of builtin copy: it
 * catches common phrasings in English and Chinese, and it is not what keeps a language model
 * on task (the prompt's data block is).
 */
export function findInjectionSignals(text: string): string[] {
  return INJECTION_PATTERNS.filter((pattern) => pattern.test(text)).map(
    (pattern) => pattern.source,
  );
}
