# str(), formatting and simple operations on ScalarsFlow's values, read through task.data.
from metaflow import Flow

data = Flow('ScalarsFlow').latest_run['end'].task.data
for name in ['an_int', 'big_int', 'negative_int', 'a_float', 'tenth', 'small_float', 'large_float',
             'negative_zero', 'not_a_number', 'infinity', 'text', 'unicode_text', 'empty_text', 'raw_bytes',
             'byte_array', 'flag_true', 'nothing', 'a_tuple', 'single_tuple', 'int_set', 'frozen', 'a_complex',
             'a_range', 'a_datetime', 'aware_datetime', 'a_date', 'a_time', 'a_timedelta', 'a_decimal', 'a_uuid',
             'summary']:
    print(f"{name}: {getattr(data, name)}")
print(data.text)
print(len(data.text), len(data.unicode_text), len(data.raw_bytes), len(data.long_text), len(str(data.huge_int)))
print(data.big_int + 1, data.big_int * 2, data.big_int // 7, data.big_int % 1000, -data.big_int)
print(data.huge_int < 0, str(data.huge_int)[:20], str(data.huge_int)[-20:])
print(data.int_edges, sum(data.int_edges))
print(data.float_edges)
print(data.tenth + 0.2, data.a_float * 2, 1 / 3, data.large_float + 1, data.small_float / 10)
print(data.not_a_number == data.not_a_number, data.infinity > 1e308, data.negative_zero == 0.0)
print(sorted(data.nested_dict['options'].items()), data.nested_dict[(2, 3)], data.nested_dict[None], data.nested_dict[1])
print(len(data.long_list), data.long_list[:5], data.long_list[-3:], sum(data.long_list))
print(len(data.wide_dict), data.wide_dict['k0000'], data.wide_dict['k1199'], list(data.wide_dict)[:3])
refs = data.shared_refs  # one load: the pickle's memo makes the three lists one object
print(refs, refs[0] is refs[1], refs[2]['again'] is refs[0], data.shared_refs is data.shared_refs)
print(list(data.a_range), len(data.a_range), data.a_range[-1])
print(data.a_complex.real, data.a_complex.imag, abs(data.a_complex))
print(3 in data.int_set, 7 in data.frozen, sorted(data.frozen | {1}))
print(data.flag_true and not data.flag_false, data.nothing is None)
print(data.raw_bytes[0], data.raw_bytes[2:8], data.byte_array.decode('ascii').split('\x00'), data.text.splitlines())
print(data.step_count, data.name)
