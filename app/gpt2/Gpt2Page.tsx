import { Gpt2Step } from './Gpt2Step.tsx';

/**
 * A page of its own for the step until the chapter's step registry can host a custom body; it is
 * reached through the link #/ex3.3 and loaded only then (see main.tsx).
 */
export function Gpt2Page() {
  return (
    <>
      <header className="site-header">
        <div className="wrap">
          <div className="brand">
            <h1>Attention Lab</h1>
            <p className="tagline">
              <a href="#/3.3.1">← Chapter 3</a>
            </p>
          </div>
        </div>
      </header>
      <main className="wrap">
        <article className="step" aria-labelledby="step-title">
          <header className="step-head">
            <p className="section-number">Exercise 3.3</p>
            <h2 id="step-title">Your own text through a GPT-2-sized attention layer</h2>
          </header>
          <Gpt2Step />
        </article>
      </main>
    </>
  );
}
