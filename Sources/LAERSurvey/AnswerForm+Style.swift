import LAERReports

extension AnswerForm {
    /// The form's style sheet: the reports' colours and type; a jump list beside the questions on
    /// a wide screen and above them on a phone; rating boxes, no buttons and a page per marker on paper.
    static let styleSheet = """
        :root { --ink: \(HTMLPalette.ink); --muted: \(HTMLPalette.muted); --rule: \(HTMLPalette.rule); --accent: \(HTMLPalette.accent);
          --accent-soft: \(HTMLPalette.accentSoft); --warn: \(HTMLPalette.warn); --warn-rule: \(HTMLPalette.warnRule);
          --warn-soft: \(HTMLPalette.warnSoft); --canvas: \(HTMLPalette.canvas); }
        * { box-sizing: border-box; }
        [hidden] { display: none !important; }
        html { -webkit-text-size-adjust: 100%; scroll-padding-top: 5.5rem; }
        body { margin: 0; background: var(--canvas); color: var(--ink);
          font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif; }
        .skip { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem 1rem; z-index: 10; }
        .skip:focus { left: 1rem; }
        :focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
        .toolbar { position: sticky; top: 0; z-index: 5; display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1.25rem;
          padding: .6rem 1.25rem; background: #fff; border-bottom: 1px solid var(--rule); }
        .overall { display: flex; align-items: center; gap: .5rem; font-weight: 600; }
        .status { flex: 1 1 16rem; margin: 0; color: var(--muted); font-size: .9rem; }
        .status.warn { color: var(--warn); font-weight: 600; }
        .actions { display: flex; flex-wrap: wrap; gap: .5rem; }
        button { font: inherit; font-size: .95rem; padding: .45rem .9rem; border: 1px solid var(--accent); border-radius: 6px;
          background: #fff; color: var(--accent); cursor: pointer; }
        button.primary { background: var(--accent); color: #fff; }
        button.small { font-size: .85rem; padding: .2rem .6rem; }
        button:hover { background: var(--accent-soft); }
        button.primary:hover { background: var(--ink); }
        progress { width: 7rem; height: .6rem; accent-color: var(--accent); }
        .count { color: var(--muted); font-size: .85rem; font-variant-numeric: tabular-nums; }
        .layout { display: grid; grid-template-columns: 15rem minmax(0, 1fr); gap: 1.5rem; max-width: 76rem; margin: 1.5rem auto; padding: 0 1.25rem; }
        .jump { position: sticky; top: 5rem; align-self: start; }
        .jump ol { list-style: none; margin: 0; padding: 0; }
        .jump li { margin: 0 0 .7rem; }
        .jump a { display: block; color: var(--accent); font-weight: 600; }
        .jump progress { width: 100%; display: block; }
        main { min-width: 0; background: #fff; border: 1px solid #e3e8ed; border-radius: 8px; padding: 2rem 2.5rem; }
        h1, h2, h3 { line-height: 1.25; }
        h1 { font-size: 2rem; margin: .2rem 0 .8rem; }
        h2 { font-size: 1.45rem; margin: 0 0 .8rem; padding-bottom: .4rem; border-bottom: 2px solid var(--rule); }
        h3 { font-size: 1.1rem; margin: 2rem 0 .6rem; color: var(--muted); }
        section { margin-top: 3rem; }
        /* A section out of sight is neither laid out nor painted: an answer redraws only what is on screen. */
        section.marker, section.review { content-visibility: auto; contain-intrinsic-size: auto 2500px; }
        section:first-child { margin-top: 0; }
        p { margin: 0 0 .75rem; }
        .eyebrow { margin: 0; font-size: .8rem; font-weight: 600; letter-spacing: .08em; text-transform: uppercase; color: var(--accent); }
        .hint { color: var(--muted); font-size: .9rem; }
        .scale { display: grid; grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr)); gap: .5rem; margin: 1rem 0; }
        .scale div { border: 1px solid var(--rule); border-radius: 6px; padding: .5rem .7rem; }
        .scale dt { font-weight: 700; }
        .scale dd { margin: 0; font-size: .9rem; color: var(--muted); }
        .keep, .previous-note { padding: .6rem .9rem; border-left: 4px solid var(--accent); background: var(--accent-soft); }
        .callout { padding: .6rem .9rem; border-left: 4px solid var(--warn-rule); background: var(--warn-soft); }
        .details p { display: flex; flex-wrap: wrap; align-items: baseline; gap: .25rem .75rem; }
        .details label { flex: 0 0 16rem; font-weight: 600; }
        input[type=text] { font: inherit; flex: 1 1 14rem; max-width: 24rem; padding: .4rem .5rem; border: 1px solid var(--muted); border-radius: 4px; }
        .details .hint { flex-basis: 100%; padding-left: 16.75rem; margin-top: -.15rem; }
        fieldset { margin: 0; padding: 0; border: 0; min-width: 0; }
        .question { margin: 0 0 1rem; padding: 1rem 1.1rem .6rem; border: 1px solid var(--rule); border-left: 5px solid var(--rule); border-radius: 6px; }
        .question.answered { border-left-color: var(--accent); }
        .question.from-previous { border-left-color: var(--warn-rule); border-left-style: dashed; }
        legend { float: left; width: 100%; padding: 0; margin: 0 0 .6rem; font-size: 1.05rem; font-weight: 600; }
        legend + * { clear: both; }
        .number { color: var(--muted); font-variant-numeric: tabular-nums; }
        .ratings { display: flex; flex-wrap: wrap; gap: .4rem; margin: 0 0 .6rem; }
        .rating { display: inline-flex; align-items: center; gap: .4rem; padding: .3rem .8rem .3rem .6rem; border: 1px solid var(--rule);
          border-radius: 999px; cursor: pointer; }
        .rating input, .profile input { width: 1.15rem; height: 1.15rem; margin: 0; accent-color: var(--accent); }
        .rating:has(input:checked) { border-color: var(--accent); background: var(--accent-soft); font-weight: 600; }
        .from-previous .rating:has(input:checked), .from-previous .profile:has(input:checked) { border: 1px dashed var(--warn-rule);
          background: var(--warn-soft); }
        .profiles { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: .6rem; margin-bottom: .6rem; }
        .profile { display: block; border: 1px solid var(--rule); border-radius: 6px; padding: .6rem .7rem; cursor: pointer; }
        .profile:has(input:checked) { border-color: var(--accent); background: var(--accent-soft); }
        .phase-name { font-weight: 700; }
        .profile-text { display: block; margin-top: .4rem; font-size: .9rem; }
        details { margin: 0 0 .5rem; font-size: .92rem; }
        summary { cursor: pointer; color: var(--accent); font-weight: 600; }
        details p { margin: .4rem 0 .4rem 1rem; }
        .source { color: var(--muted); }
        .note label { display: block; font-size: .9rem; font-weight: 600; }
        textarea { display: block; width: 100%; font: inherit; padding: .4rem .5rem; border: 1px solid var(--muted); border-radius: 4px; resize: vertical; }
        .question-actions { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem; margin: .4rem 0 .2rem; font-size: .9rem; }
        .previous { color: var(--warn); }
        .mark { display: inline-block; padding: 0 .45rem; border: 1px dashed var(--warn-rule); border-radius: 4px; color: var(--warn); font-size: .85em; font-weight: 600; }
        .review ul { padding-left: 1.3rem; }
        .review a { color: var(--accent); }
        .lead { font-size: 1.1rem; font-weight: 600; }
        .send { padding: .6rem .9rem; border-left: 4px solid var(--accent); background: var(--accent-soft); }
        code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; }
        body.dragging main { outline: 3px dashed var(--accent); outline-offset: 4px; }
        @media (max-width: 900px) {
          .layout { grid-template-columns: minmax(0, 1fr); margin: 0; padding: 0; gap: 0; }
          .jump { position: static; padding: .75rem 1rem; background: #fff; border-bottom: 1px solid var(--rule); }
          .jump ol { display: flex; flex-wrap: wrap; gap: .3rem 1rem; }
          .jump li { margin: 0; }
          .jump progress { display: none; }
          .jump a { display: inline; }
          main { border: 0; border-radius: 0; padding: 1.25rem 1rem; }
          .profiles { grid-template-columns: minmax(0, 1fr); }
          .details label { flex-basis: 100%; }
          .details .hint { padding-left: 0; }
          .toolbar { padding: .5rem 1rem; position: static; }
          .status { flex-basis: 100%; order: 3; }
          html { scroll-padding-top: 0; }
        }
        @media print {
          @page { size: A4; margin: 14mm 14mm; }
          html { font-size: 10pt; }
          body { background: none; }
          .toolbar, .jump, .skip, button, .actions, .question-actions, .review, .keep, noscript { display: none !important; }
          .layout { display: block; margin: 0; padding: 0; max-width: none; }
          main { border: 0; padding: 0; }
          .marker { break-before: page; content-visibility: visible; }
          .question { break-inside: avoid; border-left-width: 1px; border-left-style: solid; border-color: #999; }
          h2, h3, legend { break-after: avoid; }
          .rating, .profile { border: 0 !important; background: none !important; padding-left: 0; font-weight: 400; }
          .rating input, .profile input { display: none; }
          .rating::before, .profile::before { content: ""; display: inline-block; width: .95rem; height: .95rem; margin-right: .35rem;
            border: 1.5px solid var(--ink); vertical-align: -.15rem; }
          .rating:has(input:checked)::before, .profile:has(input:checked)::before { content: "✕"; font-size: .8rem; line-height: .95rem;
            text-align: center; }
          .profiles { grid-template-columns: repeat(2, minmax(0, 1fr)); }
          .source { display: none; }
          details::details-content { content-visibility: visible; display: block; }
          summary { color: var(--ink); list-style: none; }
          textarea { border: 0; border-bottom: 1px solid #999; border-radius: 0; min-height: 3rem; resize: none; }
          input[type=text] { border: 0; border-bottom: 1px solid #999; border-radius: 0; }
        }

        """
}
