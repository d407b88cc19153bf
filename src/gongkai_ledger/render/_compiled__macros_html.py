from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = '_macros.html.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_day = l_0_status = l_0_review = l_0_tag_class = l_0_flags = l_0_workdays = l_0_evidence = l_0_bar_chart = l_0_cadence = l_0_extension = missing
    try:
        t_1 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_2 = environment.filters['truncate']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'truncate' found.")
    try:
        t_3 = environment.filters['zh_date']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'zh_date' found.")
    try:
        t_4 = environment.tests['defined']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No test named 'defined' found.")
    try:
        t_5 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    environment.budget.step()
    pass
    def macro(l_1_iso):
        t_6 = []
        if l_1_iso is missing:
            l_1_iso = undefined("parameter 'iso' was not provided", name='iso')
        environment.budget.step()
        pass
        if l_1_iso:
            environment.budget.step()
            pass
            t_6.append(
                escape(environment.finalize(t_3(l_1_iso))),
            )
        else:
            environment.budget.step()
            pass
            t_6.append(
                '<span class="none">—</span>',
            )
        return concat(t_6)
    context.exported_vars.add('day')
    context.vars['day'] = l_0_day = Macro(environment, macro, 'day', ('iso',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_u):
        t_7 = []
        if l_1_u is missing:
            l_1_u = undefined("parameter 'u' was not provided", name='u')
        environment.budget.step()
        pass
        if (environment.getattr(l_1_u, 'status') == '已完成'):
            environment.budget.step()
            pass
            t_7.extend((
                '<span class="status-done">',
                escape(environment.finalize(environment.getattr(l_1_u, 'status'))),
                '</span>',
            ))
        else:
            environment.budget.step()
            pass
            t_7.append(
                escape(environment.finalize((environment.getattr(l_1_u, 'shown_status') if t_4(environment.getattr(l_1_u, 'shown_status')) else environment.getattr(l_1_u, 'status')))),
            )
        return concat(t_7)
    context.exported_vars.add('status')
    context.vars['status'] = l_0_status = Macro(environment, macro, 'status', ('u',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_u):
        t_8 = []
        if l_1_u is missing:
            l_1_u = undefined("parameter 'u' was not provided", name='u')
        environment.budget.step()
        pass
        if environment.getattr(l_1_u, 'review'):
            environment.budget.step()
            pass
            t_8.extend((
                '(',
                escape(environment.finalize(environment.getattr(l_1_u, 'review'))),
                ')',
            ))
        return concat(t_8)
    context.exported_vars.add('review')
    context.vars['review'] = l_0_review = Macro(environment, macro, 'review', ('u',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    l_0_tag_class = {'逾期': 'overdue', '临期': 'soon', '更新滞后': 'stale'}
    context.vars['tag_class'] = l_0_tag_class
    context.exported_vars.add('tag_class')
    def macro(l_1_u):
        t_9 = []
        if l_1_u is missing:
            l_1_u = undefined("parameter 'u' was not provided", name='u')
        environment.budget.step()
        pass
        for l_2_flag in environment.getattr(l_1_u, 'flags'):
            _loop_vars = {}
            environment.budget.step()
            pass
            t_9.extend((
                '<span class="tag ',
                escape(environment.finalize(environment.getitem((undefined(name='tag_class') if l_0_tag_class is missing else l_0_tag_class), l_2_flag))),
                '">',
                escape(environment.finalize(l_2_flag)),
                '</span>',
            ))
        l_2_flag = missing
        return concat(t_9)
    context.exported_vars.add('flags')
    context.vars['flags'] = l_0_flags = Macro(environment, macro, 'flags', ('u',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_n):
        t_10 = []
        if l_1_n is missing:
            l_1_n = undefined("parameter 'n' was not provided", name='n')
        environment.budget.step()
        pass
        if t_5(l_1_n):
            environment.budget.step()
            pass
            t_10.append(
                '工作日未知',
            )
        else:
            environment.budget.step()
            pass
            t_10.extend((
                escape(environment.finalize(l_1_n)),
                '个工作日',
            ))
        return concat(t_10)
    context.exported_vars.add('workdays')
    context.vars['workdays'] = l_0_workdays = Macro(environment, macro, 'workdays', ('n',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_urls):
        t_11 = []
        if l_1_urls is missing:
            l_1_urls = undefined("parameter 'urls' was not provided", name='urls')
        environment.budget.step()
        pass
        l_2_loop = missing
        t_12 = 1
        for l_2_url, l_2_loop in LoopContext(l_1_urls, undefined):
            _loop_vars = {}
            environment.budget.step()
            pass
            if (environment.call(context, environment.getattr(l_2_url, 'startswith'), 'https://', _loop_vars=_loop_vars) or environment.call(context, environment.getattr(l_2_url, 'startswith'), 'http://', _loop_vars=_loop_vars)):
                environment.budget.step()
                pass
                t_11.extend((
                    '<a href="',
                    escape(environment.finalize(l_2_url)),
                    '">',
                    escape(environment.finalize(l_2_url)),
                    '</a>',
                ))
            else:
                environment.budget.step()
                pass
                t_11.append(
                    escape(environment.finalize(l_2_url)),
                )
            if (not environment.getattr(l_2_loop, 'last')):
                environment.budget.step()
                pass
                t_11.append(
                    '<br>',
                )
            t_12 = 0
        l_2_loop = l_2_url = missing
        if t_12:
            environment.budget.step()
            pass
            t_11.append(
                '<span class="none">—</span>',
            )
        return concat(t_11)
    context.exported_vars.add('evidence')
    context.vars['evidence'] = l_0_evidence = Macro(environment, macro, 'evidence', ('urls',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_id, l_1_title, l_1_desc, l_1_rows, l_1_label, l_1_number):
        t_13 = []
        l_1_row_h = l_1_top = l_1_left = l_1_bar_w = l_1_width = l_1_height = missing
        if l_1_id is missing:
            l_1_id = undefined("parameter 'id' was not provided", name='id')
        if l_1_title is missing:
            l_1_title = undefined("parameter 'title' was not provided", name='title')
        if l_1_desc is missing:
            l_1_desc = undefined("parameter 'desc' was not provided", name='desc')
        if l_1_rows is missing:
            l_1_rows = undefined("parameter 'rows' was not provided", name='rows')
        if l_1_label is missing:
            l_1_label = undefined("parameter 'label' was not provided", name='label')
        if l_1_number is missing:
            l_1_number = None
        environment.budget.step()
        pass
        l_1_row_h = 34
        l_1_top = 40
        l_1_left = 210
        l_1_bar_w = 330
        l_1_width = 700
        l_1_height = environment.call_binop(context, '+', environment.call_binop(context, '+', (undefined(name='top') if l_1_top is missing else l_1_top), environment.call_binop(context, '*', t_1(l_1_rows), (undefined(name='row_h') if l_1_row_h is missing else l_1_row_h))), 10)
        t_13.extend((
            '<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ',
            escape(environment.finalize((undefined(name='width') if l_1_width is missing else l_1_width))),
            ' ',
            escape(environment.finalize((undefined(name='height') if l_1_height is missing else l_1_height))),
            '" width="',
            escape(environment.finalize((undefined(name='width') if l_1_width is missing else l_1_width))),
            '" height="',
            escape(environment.finalize((undefined(name='height') if l_1_height is missing else l_1_height))),
            '" role="img" aria-labelledby="',
            escape(environment.finalize(l_1_id)),
            '-title ',
            escape(environment.finalize(l_1_id)),
            '-desc">\n<title id="',
            escape(environment.finalize(l_1_id)),
            '-title">',
            escape(environment.finalize(l_1_title)),
            '</title>\n<desc id="',
            escape(environment.finalize(l_1_id)),
            '-desc">',
            escape(environment.finalize(l_1_desc)),
            '</desc>\n<g class="axis">\n',
        ))
        for l_2_pct in [0, 25, 50, 75, 100]:
            l_2_x = missing
            _loop_vars = {}
            environment.budget.step()
            pass
            l_2_x = environment.call_binop(context, '+', (undefined(name='left') if l_1_left is missing else l_1_left), (environment.call_binop(context, '*', (undefined(name='bar_w') if l_1_bar_w is missing else l_1_bar_w), l_2_pct) // 100))
            _loop_vars['x'] = l_2_x
            t_13.extend((
                '<line x1="',
                escape(environment.finalize((undefined(name='x') if l_2_x is missing else l_2_x))),
                '" y1="',
                escape(environment.finalize(((undefined(name='top') if l_1_top is missing else l_1_top) - 6))),
                '" x2="',
                escape(environment.finalize((undefined(name='x') if l_2_x is missing else l_2_x))),
                '" y2="',
                escape(environment.finalize(((undefined(name='height') if l_1_height is missing else l_1_height) - 6))),
                '"/>\n<text x="',
                escape(environment.finalize((undefined(name='x') if l_2_x is missing else l_2_x))),
                '" y="',
                escape(environment.finalize(((undefined(name='top') if l_1_top is missing else l_1_top) - 14))),
                '" text-anchor="middle">',
                escape(environment.finalize(l_2_pct)),
                '%</text>\n',
            ))
        l_2_pct = l_2_x = missing
        t_13.append(
            '</g>\n',
        )
        l_2_loop = missing
        for l_2_row, l_2_loop in LoopContext(l_1_rows, undefined):
            l_2_y = l_2_t = missing
            _loop_vars = {}
            environment.budget.step()
            pass
            l_2_y = environment.call_binop(context, '+', (undefined(name='top') if l_1_top is missing else l_1_top), environment.call_binop(context, '*', environment.getattr(l_2_loop, 'index0'), (undefined(name='row_h') if l_1_row_h is missing else l_1_row_h)))
            _loop_vars['y'] = l_2_y
            l_2_t = environment.getattr(l_2_row, 'tally')
            _loop_vars['t'] = l_2_t
            t_13.extend((
                '<g class="row">\n<text x="',
                escape(environment.finalize(((undefined(name='left') if l_1_left is missing else l_1_left) - 12))),
                '" y="',
                escape(environment.finalize(environment.call_binop(context, '+', (undefined(name='y') if l_2_y is missing else l_2_y), 24))),
                '" text-anchor="end">',
                escape(environment.finalize((environment.getitem(l_2_row, l_1_number) if l_1_number else ''))),
                escape(environment.finalize(t_2(environment, environment.getitem(l_2_row, l_1_label), (8 if l_1_number else 10), True, '…', 0))),
                '</text>\n<rect class="track" x="',
                escape(environment.finalize((undefined(name='left') if l_1_left is missing else l_1_left))),
                '" y="',
                escape(environment.finalize(environment.call_binop(context, '+', (undefined(name='y') if l_2_y is missing else l_2_y), 7))),
                '" width="',
                escape(environment.finalize((undefined(name='bar_w') if l_1_bar_w is missing else l_1_bar_w))),
                '" height="20"/>\n<rect class="bar" x="',
                escape(environment.finalize((undefined(name='left') if l_1_left is missing else l_1_left))),
                '" y="',
                escape(environment.finalize(environment.call_binop(context, '+', (undefined(name='y') if l_2_y is missing else l_2_y), 7))),
                '" width="',
                escape(environment.finalize((environment.call_binop(context, '*', (undefined(name='bar_w') if l_1_bar_w is missing else l_1_bar_w), (environment.getattr((undefined(name='t') if l_2_t is missing else l_2_t), 'completion_permille') or 0)) // 1000))),
                '" height="20"/>\n<text x="',
                escape(environment.finalize(environment.call_binop(context, '+', environment.call_binop(context, '+', (undefined(name='left') if l_1_left is missing else l_1_left), (undefined(name='bar_w') if l_1_bar_w is missing else l_1_bar_w)), 12))),
                '" y="',
                escape(environment.finalize(environment.call_binop(context, '+', (undefined(name='y') if l_2_y is missing else l_2_y), 24))),
                '">',
                escape(environment.finalize(environment.getattr((undefined(name='t') if l_2_t is missing else l_2_t), 'completion_rate'))),
                '(',
                escape(environment.finalize(environment.getattr((undefined(name='t') if l_2_t is missing else l_2_t), 'done'))),
                '/',
                escape(environment.finalize(environment.getattr((undefined(name='t') if l_2_t is missing else l_2_t), 'applicable'))),
                ')</text>\n</g>\n',
            ))
        l_2_loop = l_2_row = l_2_y = l_2_t = missing
        t_13.append(
            '</svg>',
        )
        return concat(t_13)
    context.exported_vars.add('bar_chart')
    context.vars['bar_chart'] = l_0_bar_chart = Macro(environment, macro, 'bar_chart', ('id', 'title', 'desc', 'rows', 'label', 'number'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_row, l_1_h):
        t_14 = []
        if l_1_row is missing:
            l_1_row = undefined("parameter 'row' was not provided", name='row')
        if l_1_h is missing:
            l_1_h = undefined("parameter 'h' was not provided", name='h')
        environment.budget.step()
        pass
        if (environment.getattr(l_1_row, 'update_every') and (environment.getattr(l_1_row, 'update_every') != environment.getattr(l_1_h, 'update_every'))):
            environment.budget.step()
            pass
            t_14.extend((
                ',按',
                escape(environment.finalize(environment.getattr(l_1_row, 'update_every'))),
                '报送',
            ))
        return concat(t_14)
    context.exported_vars.add('cadence')
    context.vars['cadence'] = l_0_cadence = Macro(environment, macro, 'cadence', ('row', 'h'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_row):
        t_15 = []
        if l_1_row is missing:
            l_1_row = undefined("parameter 'row' was not provided", name='row')
        environment.budget.step()
        pass
        if environment.getattr(l_1_row, 'extension'):
            environment.budget.step()
            pass
            t_15.extend((
                '<br><span class="extension">(延期至',
                escape(environment.finalize(environment.getattr(environment.getattr(l_1_row, 'extension'), 'deadline'))),
                ',',
                escape(environment.finalize(t_3(environment.getattr(environment.getattr(l_1_row, 'extension'), 'approved')))),
                '批准',
            ))
            if environment.getattr(environment.getattr(l_1_row, 'extension'), 'ref'):
                environment.budget.step()
                pass
                t_15.extend((
                    ',',
                    escape(environment.finalize(environment.getattr(environment.getattr(l_1_row, 'extension'), 'ref'))),
                ))
            if environment.getattr(environment.getattr(l_1_row, 'extension'), 'late'):
                environment.budget.step()
                pass
                t_15.extend((
                    ';逾期后批准,按期完成率按 ',
                    escape(environment.finalize(t_3(environment.getattr(environment.getattr(l_1_row, 'extension'), 'punctual_due')))),
                    ' 计',
                ))
            t_15.append(
                ')</span>',
            )
        return concat(t_15)
    context.exported_vars.add('extension')
    context.vars['extension'] = l_0_extension = Macro(environment, macro, 'extension', ('row',), False, False, False, context.eval_ctx.autoescape)

blocks = {}
debug_info = '2=43&3=49&6=65&7=71&10=89&11=95&14=107&15=110&16=116&19=132&20=138&23=155&24=163&25=167&32=200&33=217&34=218&35=219&36=220&37=221&38=222&39=225&40=237&41=241&43=246&44=251&45=255&46=263&49=275&50=280&51=282&53=286&54=293&55=299&56=305&62=324&63=332&66=344&67=350'

# Generated by `python -m gongkai_ledger.render.templates` (see render/templates.py). Do not edit.
# mypy: ignore-errors
