from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = '_macros.md.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_flags = l_0_review = l_0_names = l_0_units_by_status = l_0_workdays = l_0_day = l_0_via = l_0_evidence = l_0_cadence = l_0_extension = missing
    try:
        t_1 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_2 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_3 = environment.filters['md']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'md' found.")
    try:
        t_4 = environment.filters['md_url']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'md_url' found.")
    try:
        t_5 = environment.filters['zh_date']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'zh_date' found.")
    try:
        t_6 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    environment.budget.step()
    pass
    def macro(l_1_u):
        t_7 = []
        if l_1_u is missing:
            l_1_u = undefined("parameter 'u' was not provided", name='u')
        environment.budget.step()
        pass
        t_7.append(
            str(environment.finalize((environment.call_binop(context, '%', '(%s)', t_1(context.eval_ctx, environment.getattr(l_1_u, 'flags'), '、')) if environment.getattr(l_1_u, 'flags') else ''))),
        )
        return concat(t_7)
    context.exported_vars.add('flags')
    context.vars['flags'] = l_0_flags = Macro(environment, macro, 'flags', ('u',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_u):
        t_8 = []
        if l_1_u is missing:
            l_1_u = undefined("parameter 'u' was not provided", name='u')
        environment.budget.step()
        pass
        t_8.append(
            str(environment.finalize((environment.call_binop(context, '%', '(%s)', environment.getattr(l_1_u, 'review')) if environment.getattr(l_1_u, 'review') else ''))),
        )
        return concat(t_8)
    context.exported_vars.add('review')
    context.vars['review'] = l_0_review = Macro(environment, macro, 'review', ('u',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_list):
        t_9 = []
        if l_1_list is missing:
            l_1_list = undefined("parameter 'list' was not provided", name='list')
        environment.budget.step()
        pass
        l_2_loop = missing
        for l_2_name, l_2_loop in LoopContext(l_1_list, undefined):
            _loop_vars = {}
            environment.budget.step()
            pass
            t_9.append(
                str(environment.finalize(t_3(l_2_name))),
            )
            if (not environment.getattr(l_2_loop, 'last')):
                environment.budget.step()
                pass
                t_9.append(
                    '、',
                )
        l_2_loop = l_2_name = missing
        return concat(t_9)
    context.exported_vars.add('names')
    context.vars['names'] = l_0_names = Macro(environment, macro, 'names', ('list',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_item):
        t_10 = []
        if l_1_item is missing:
            l_1_item = undefined("parameter 'item' was not provided", name='item')
        environment.budget.step()
        pass
        l_2_loop = missing
        for l_2_group, l_2_loop in LoopContext(environment.getattr(l_1_item, 'by_status_named'), undefined):
            _loop_vars = {}
            environment.budget.step()
            pass
            t_10.extend((
                str(environment.finalize(environment.getattr(l_2_group, 'status'))),
                str(environment.finalize(environment.call(context, (undefined(name='review') if l_0_review is missing else l_0_review), l_2_group, _loop_vars=_loop_vars))),
                str(environment.finalize(environment.call(context, (undefined(name='flags') if l_0_flags is missing else l_0_flags), l_2_group, _loop_vars=_loop_vars))),
                ':',
                str(environment.finalize(environment.call(context, (undefined(name='names') if l_0_names is missing else l_0_names), environment.getattr(l_2_group, 'units'), _loop_vars=_loop_vars))),
            ))
            if ((not environment.getattr(l_2_loop, 'last')) or environment.getattr(l_1_item, 'collectives')):
                environment.budget.step()
                pass
                t_10.append(
                    ';',
                )
        l_2_loop = l_2_group = missing
        l_2_loop = missing
        for l_2_c, l_2_loop in LoopContext(environment.getattr(l_1_item, 'collectives'), undefined):
            _loop_vars = {}
            environment.budget.step()
            pass
            t_10.extend((
                str(environment.finalize(t_3(environment.getattr(l_2_c, 'name')))),
                '(',
                str(environment.finalize(environment.getattr(l_2_c, 'count'))),
                '个单位,已完成 ',
                str(environment.finalize(environment.getattr(l_2_c, 'done'))),
                str(environment.finalize((environment.call_binop(context, '%', ',不涉及 %d', environment.getattr(l_2_c, 'not_applicable')) if environment.getattr(l_2_c, 'not_applicable') else ''))),
                ')',
            ))
            if (t_2(environment.getattr(l_2_c, 'not_reported')) == environment.getattr(l_2_c, 'count')):
                environment.budget.step()
                pass
                t_10.append(
                    ':均未报送',
                )
            elif environment.getattr(l_2_c, 'not_reported'):
                environment.budget.step()
                pass
                t_10.extend((
                    ':其中未报送:',
                    str(environment.finalize(environment.call(context, (undefined(name='names') if l_0_names is missing else l_0_names), environment.getattr(l_2_c, 'not_reported'), _loop_vars=_loop_vars))),
                ))
            if (not environment.getattr(l_2_loop, 'last')):
                environment.budget.step()
                pass
                t_10.append(
                    ';',
                )
        l_2_loop = l_2_c = missing
        if environment.getattr(l_1_item, 'support'):
            environment.budget.step()
            pass
            t_10.extend((
                ';配合单位:',
                str(environment.finalize(environment.call(context, (undefined(name='names') if l_0_names is missing else l_0_names), environment.getattr(l_1_item, 'support')))),
            ))
        return concat(t_10)
    context.exported_vars.add('units_by_status')
    context.vars['units_by_status'] = l_0_units_by_status = Macro(environment, macro, 'units_by_status', ('item',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_n):
        t_11 = []
        if l_1_n is missing:
            l_1_n = undefined("parameter 'n' was not provided", name='n')
        environment.budget.step()
        pass
        t_11.append(
            str(environment.finalize(('—' if t_6(l_1_n) else l_1_n))),
        )
        return concat(t_11)
    context.exported_vars.add('workdays')
    context.vars['workdays'] = l_0_workdays = Macro(environment, macro, 'workdays', ('n',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_iso):
        t_12 = []
        if l_1_iso is missing:
            l_1_iso = undefined("parameter 'iso' was not provided", name='iso')
        environment.budget.step()
        pass
        t_12.append(
            str(environment.finalize((t_5(l_1_iso) if l_1_iso else '—'))),
        )
        return concat(t_12)
    context.exported_vars.add('day')
    context.vars['day'] = l_0_day = Macro(environment, macro, 'day', ('iso',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_names):
        t_13 = []
        if l_1_names is missing:
            l_1_names = undefined("parameter 'names' was not provided", name='names')
        environment.budget.step()
        pass
        if l_1_names:
            environment.budget.step()
            pass
            t_13.append(
                '(通过',
            )
            l_2_loop = missing
            for l_2_n, l_2_loop in LoopContext(l_1_names, undefined):
                _loop_vars = {}
                environment.budget.step()
                pass
                t_13.extend((
                    '“',
                    str(environment.finalize(t_3(l_2_n))),
                    '”',
                ))
                if (not environment.getattr(l_2_loop, 'last')):
                    environment.budget.step()
                    pass
                    t_13.append(
                        '、',
                    )
            l_2_loop = l_2_n = missing
            t_13.append(
                ')',
            )
        return concat(t_13)
    context.exported_vars.add('via')
    context.vars['via'] = l_0_via = Macro(environment, macro, 'via', ('names',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_urls):
        t_14 = []
        if l_1_urls is missing:
            l_1_urls = undefined("parameter 'urls' was not provided", name='urls')
        environment.budget.step()
        pass
        l_2_loop = missing
        for l_2_url, l_2_loop in LoopContext(l_1_urls, undefined):
            _loop_vars = {}
            environment.budget.step()
            pass
            t_14.append(
                str(environment.finalize(t_4(l_2_url))),
            )
            if (not environment.getattr(l_2_loop, 'last')):
                environment.budget.step()
                pass
                t_14.append(
                    '、',
                )
        l_2_loop = l_2_url = missing
        return concat(t_14)
    context.exported_vars.add('evidence')
    context.vars['evidence'] = l_0_evidence = Macro(environment, macro, 'evidence', ('urls',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_row, l_1_h):
        t_15 = []
        if l_1_row is missing:
            l_1_row = undefined("parameter 'row' was not provided", name='row')
        if l_1_h is missing:
            l_1_h = undefined("parameter 'h' was not provided", name='h')
        environment.budget.step()
        pass
        if (environment.getattr(l_1_row, 'update_every') and (environment.getattr(l_1_row, 'update_every') != environment.getattr(l_1_h, 'update_every'))):
            environment.budget.step()
            pass
            t_15.extend((
                ',按',
                str(environment.finalize(environment.getattr(l_1_row, 'update_every'))),
                '报送',
            ))
        return concat(t_15)
    context.exported_vars.add('cadence')
    context.vars['cadence'] = l_0_cadence = Macro(environment, macro, 'cadence', ('row', 'h'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_row):
        t_16 = []
        if l_1_row is missing:
            l_1_row = undefined("parameter 'row' was not provided", name='row')
        environment.budget.step()
        pass
        if environment.getattr(l_1_row, 'extension'):
            environment.budget.step()
            pass
            t_16.extend((
                '(延期至',
                str(environment.finalize(t_3(environment.getattr(environment.getattr(l_1_row, 'extension'), 'deadline')))),
                ',',
                str(environment.finalize(t_5(environment.getattr(environment.getattr(l_1_row, 'extension'), 'approved')))),
                '批准',
                str(environment.finalize((environment.call_binop(context, '%', ',%s', t_3(environment.getattr(environment.getattr(l_1_row, 'extension'), 'ref'))) if environment.getattr(environment.getattr(l_1_row, 'extension'), 'ref') else ''))),
                str(environment.finalize((environment.call_binop(context, '%', ';逾期后批准,按期完成率按 %s 计', t_5(environment.getattr(environment.getattr(l_1_row, 'extension'), 'punctual_due'))) if environment.getattr(environment.getattr(l_1_row, 'extension'), 'late') else ''))),
                ')',
            ))
        return concat(t_16)
    context.exported_vars.add('extension')
    context.vars['extension'] = l_0_extension = Macro(environment, macro, 'extension', ('row',), False, False, False, context.eval_ctx.autoescape)

blocks = {}
debug_info = '2=49&3=56&6=62&7=69&10=75&11=82&14=100&15=107&18=170&19=177&22=183&23=190&26=196&27=202&30=232&31=239&34=257&35=265&38=277&39=283'

# Generated by `python -m gongkai_ledger.render.templates` (see render/templates.py). Do not edit.
# mypy: ignore-errors
