import Markdown, { defaultUrlTransform } from 'react-markdown';
import rehypeSanitize from 'rehype-sanitize';

/** Link targets a description may point at: web pages and mail, nothing that runs or reads local files. */
const SAFE = /^(https?:|mailto:|#|\/(?!\/))/i;

/** A URL kept only when it is safe to follow from a page everyone reads; otherwise no link at all. */
function safeUrl(url: string): string {
  const transformed = defaultUrlTransform(url);
  return SAFE.test(transformed) ? transformed : '';
}

/**
 * Text people wrote (descriptions, comments) rendered as Markdown, safely (issue 12): raw HTML is
 * dropped rather than rendered, the result is sanitised again by rehype-sanitize's GitHub-like
 * allow-list, and only http(s), mailto and in-page links survive. Headings render one level down at
 * most, since the page has its own.
 */
export function Prose({ text, className }: { text: string; className?: string }) {
  return (
    <div className={className ? `prose ${className}` : 'prose'}>
      <Markdown
        skipHtml
        rehypePlugins={[rehypeSanitize]}
        urlTransform={safeUrl}
        components={{
          a: ({ href, children }) => (href ? <a href={href} rel="nofollow noopener noreferrer">{children}</a> : <span>{children}</span>),
          img: ({ alt }) => <span>{alt}</span>,
          h1: ({ children }) => <h3>{children}</h3>,
          h2: ({ children }) => <h3>{children}</h3>,
        }}
      >
        {text}
      </Markdown>
    </div>
  );
}
